import type { CompiledRuleset } from '../../moderation/compiled';
import type { PolicedReason } from '../../moderation/site-policy';
import type { IntakeStanding } from '../../standing/intake-standing';
import type { SiteDoc } from '../../store/models';

/** The language reasons are written in: a site's, Indonesian unless it asks for English. */
export type MessageLanguage = 'id' | 'en';

/**
 * Everything intake's phases may read, read-only and gathered before they run:
 * a phase declares the part it needs (`Pick<IntakeContext, 'standing' | 'messageLanguage'>`),
 * so what it depends on is in its signature.
 */
export interface IntakeContext {
  readonly text: string;
  /** The language the comment declares; absent: the engine detects it. */
  readonly language?: 'id' | 'en';
  readonly ruleset: CompiledRuleset;
  readonly site: SiteDoc;
  readonly messageLanguage: MessageLanguage;
  readonly standing: IntakeStanding;
  /** The instant of the decision: reasons cite the law in force then, standing windows end then. */
  readonly now: Date;
}

/**
 * What a phase adds: reasons (before the site policy, with how far the policy may
 * change them) and/or a hold (publish nothing without a person, whatever the reasons say).
 * A phase can only add: the outcome is the strongest of all reasons, so no phase loosens another's.
 */
export interface PhaseResult {
  reasons?: PolicedReason[];
  hold?: boolean;
}

/** One step of intake: a small pure function of its part of the context. */
export type IntakePhase = (ctx: IntakeContext) => PhaseResult | undefined;
