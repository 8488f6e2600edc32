import { eraseSchema } from '../../author-data/schema';
import { moderateSchema, submitCommentSchema } from '../../comments/schema';
import { decisionSchema } from '../../decisions/schema';
import { reportSchema } from '../../reports/schema';
import { putJsonSchema, validateSchema } from '../../rules-api/routes';
import { createPrincipalSchema, createSiteSchema, policySchema, rotateSchema, updateSiteSchema } from '../../sites/routes';
import { banSchema, liftBanSchema } from '../../standing/schema';
import { completeSchema, takedownOrderSchema, warningSchema } from '../../takedown/schema';
import { fromZod } from './from-zod';
import type { Json } from './json';

/** What the request bodies depend on in the configuration. */
export interface RequestLimits {
  /** SARING_MAX_TEXT_LENGTH: the longest comment text (and dry-run text). */
  maxTextLength: number;
}

/**
 * The request bodies, generated from the zod schemas the routes parse them
 * with (components by name; the prose beside a field is the document's own).
 */
export function requestSchemas(limits: RequestLimits): Record<string, Json> {
  return {
    SubmitComment: fromZod(submitCommentSchema(limits.maxTextLength)),
    Moderate: fromZod(moderateSchema(limits.maxTextLength)),
    DecisionInput: fromZod(decisionSchema, {
      force: 'Override a human decision or win against a concurrent one.',
      expectedRevision: 'The `revision` the moderator saw; another current revision is a 409 unless forced.',
    }),
    Report: fromZod(reportSchema, { reason: 'A rule category id such as `sara.hate`, or `other`.' }),
    Ban: { description: 'Give either `until` or `hours`, and a reason.', ...fromZod(banSchema) },
    LiftBan: fromZod(liftBanSchema),
    PolicyInput: fromZod(policySchema, {
      categoryActions: 'Per-category action overrides (a list: category ids contain dots). `approve` silences a category.',
      dueHours: 'Held comments nobody reported: a service level (site policy, not law), 24 by default.',
      urgentDueHours: 'Urgent classes (child sexual content, terrorism, threats to life), held or reported: a stricter site policy, 4 by default; not a legal clock.',
      reportDueHours: "A reader's complaint: 48 by default, the 2 × 24 h of Dewan Pers' Pedoman Pemberitaan Media Siber (part 3).",
    }),
    CreateSite: fromZod(createSiteSchema, { webhookUrl: 'http(s), no user name or password' }),
    UpdateSite: fromZod(updateSiteSchema, { webhookUrl: 'http(s), no user name or password' }),
    RotateSecret: fromZod(rotateSchema),
    CreatePrincipal: fromZod(createPrincipalSchema, { role: '`legal`: take-down orders and author data requests for its sites (no moderation decisions, no stream)' }),
    ValidateRules: fromZod(validateSchema),
    PutRuleJson: fromZod(putJsonSchema),
    TakedownOrderInput: fromZod(takedownOrderSchema, {
      orderNumber: 'The SAMAN order number; the same number again is a retry (200) or, with other content, a 409.',
      receivedAt: 'When the order reached the newsroom (default: now); its 24 h (4 h) run from here. Not in the future.',
      urgent: 'Pasal 14(3) content (terrorism, child sexual abuse material, content that disturbs public order): 4 h instead of 24 h.',
      'items.': 'Either a Saring comment id (one of the sites this token may act on, else 422) or an article URL (every comment stored with it, with or without the trailing slash).',
    }),
    TakedownWarningInput: fromZod(warningSchema),
    TakedownCompleteInput: fromZod(completeSchema),
    EraseRequest: fromZod(eraseSchema, { reason: "Kept in the audit trail: must not contain the author's id or name (422)." }),
  };
}
