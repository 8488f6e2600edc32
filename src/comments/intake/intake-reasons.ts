import type { Action } from '../../moderation/types';
import type { PolicyScope } from '../../moderation/site-policy';

/** What the reasons intake adds (beyond the rule files) are, apart from their message. */
export interface IntakeReasonDef {
  ruleId: string;
  category: string;
  action: Action;
  severity: number;
  /** Like a rule file's legalBasis, in Indonesian whatever the message language. */
  legalBasis: string;
  /** How far a site's policy may change it (see site-policy.ts). */
  scope: PolicyScope;
}

/**
 * The catalogue of intake's own reasons, documented in README.md ("Besides the rule files").
 * A site's `categoryActions` may set the action of a `category`-scoped one (by category or
 * family: `standing`, `spam`); a ban is `fixed`.
 */
export const INTAKE_REASONS = {
  banned: { ruleId: 'standing.banned', category: 'standing.banned', action: 'reject', severity: 3, legalBasis: 'Kebijakan situs: diblokir oleh moderator', scope: 'fixed' },
  repeatOffender: { ruleId: 'standing.repeat-offender', category: 'standing.offender', action: 'review', severity: 2, legalBasis: 'Kebijakan situs tentang pelanggar berulang', scope: 'category' },
  repeatedText: { ruleId: 'spam.repeat-text', category: 'spam.repeat', action: 'review', severity: 1, legalBasis: 'Permenkominfo 5/2020 Pasal 9 ayat (4)', scope: 'category' },
} as const satisfies Record<string, IntakeReasonDef>;

export type IntakeReasonCode = keyof typeof INTAKE_REASONS;
