import type { CompiledRuleset } from '../../moderation/compiled';
import { applySitePolicy, type PolicedReason } from '../../moderation/site-policy';
import type { Action, CommentStatus, Reason } from '../../moderation/types';
import { intakeDeadline } from '../../deadlines/intake-deadline';
import { intakeStandingOf, type AuthorAtIntake } from '../../standing/intake-standing';
import type { SiteDoc } from '../../store/models';
import type { IntakeContext, IntakePhase } from './context';
import { engineVerdict } from './engine-phase';
import { enginePolicy, messageLanguageOf, preModeration } from './site-settings';
import { authorBan, repeatedText, repeatOffender } from './standing-phases';

/**
 * Intake's phases, in order. Adding a step to intake is one entry here: a pure
 * function of its part of {@link IntakeContext} returning reasons and/or a hold.
 */
export const INTAKE_PHASES: readonly IntakePhase[] = [engineVerdict, preModeration, authorBan, repeatOffender, repeatedText];

/** What one comment's intake decided: the stored decision's parts and the queue fields. */
export interface IntakeOutcome {
  status: CommentStatus;
  action: Action | 'approve';
  reasons: Reason[];
  maskedText: string;
  rulesetVersion: string;
  /** Where a held comment sits in the queue (empty for a published or rejected one). */
  deadline: { queuedAt?: Date; dueAt?: Date; urgent?: boolean };
}

/** What intake is given for one comment; the phases' context is built from it. */
export interface IntakeInput {
  ruleset: CompiledRuleset;
  site: SiteDoc;
  author: AuthorAtIntake;
  text: string;
  language?: 'id' | 'en';
  now: Date;
}

/** The context every phase reads a part of. */
export function intakeContext(input: IntakeInput): IntakeContext {
  const { ruleset, site, author, text, language, now } = input;
  return { ruleset, site, text, now, messageLanguage: messageLanguageOf(site), standing: intakeStandingOf(site, author, now), ...(language ? { language } : {}) };
}

/**
 * Composes phases into intake (Coral's `compose(phases)`): every phase runs on the
 * same read-only context and adds reasons or a hold; then the site policy is applied
 * ONCE to all reasons (site-policy.ts: engine reasons by categoryActions or strictness,
 * intake's by categoryActions, a ban by nothing); a hold turns a published outcome into
 * `pending`; last, a held comment gets its queue deadline (it reads the settled outcome).
 */
export function composeIntake(phases: readonly IntakePhase[]): (input: IntakeInput) => IntakeOutcome {
  return (input) => {
    const ctx = intakeContext(input);
    const reasons: PolicedReason[] = [];
    let hold = false;
    for (const phase of phases) {
      const added = phase(ctx);
      if (added?.reasons) reasons.push(...added.reasons);
      hold ||= added?.hold === true;
    }
    const settled = applySitePolicy(ctx.text, reasons, enginePolicy(ctx.site));
    const status = hold && settled.status === 'approved' ? 'pending' : settled.status;
    const deadline = intakeDeadline(ctx.site, status, settled.reasons.map((r) => r.category), ctx.now);
    return { ...settled, status, rulesetVersion: ctx.ruleset.version, deadline };
  };
}

/** Intake as Saring runs it: {@link INTAKE_PHASES} composed. */
export const decideIntake = composeIntake(INTAKE_PHASES);
