import type { PolicedReason } from '../../moderation/site-policy';
import type { IntakeContext, MessageLanguage, PhaseResult } from './context';
import { INTAKE_REASONS, type IntakeReasonCode } from './intake-reasons';

/** How many earlier copies of the same text (inside the repeat window) make a flood: the third is held. */
export const REPEAT_LIMIT = 2;

function reasonOf(code: IntakeReasonCode, lang: MessageLanguage, messages: Record<MessageLanguage, string>, legalBasis?: string): PolicedReason {
  const { scope, legalBasis: basis, ...rest } = INTAKE_REASONS[code];
  return { scope, reason: { ...rest, legalBasis: legalBasis ?? basis, message: messages[lang], spans: [] } };
}

/** A moderator's running ban rejects the comment; the site policy cannot lift it (scope `fixed`): lifting the ban does. */
export function authorBan(ctx: Pick<IntakeContext, 'standing' | 'messageLanguage'>): PhaseResult | undefined {
  const ban = ctx.standing.ban;
  if (!ban) return undefined;
  const basis = `${INTAKE_REASONS.banned.legalBasis} sampai ${ban.until}`;
  return { reasons: [reasonOf('banned', ctx.messageLanguage, { id: 'penulis diblokir', en: 'author banned' }, basis)] };
}

/** A repeat offender's comment is held with a reason saying why (a banned author's is rejected anyway). */
export function repeatOffender(ctx: Pick<IntakeContext, 'standing' | 'messageLanguage'>): PhaseResult | undefined {
  const offender = ctx.standing.offender;
  if (!offender || ctx.standing.ban) return undefined;
  const { rejected, windowDays, limit } = offender;
  const messages = {
    id: `pelanggar berulang: ${rejected} komentar ditolak dalam ${windowDays} hari terakhir (batas situs ${limit})`,
    en: `repeat offender: ${rejected} rejected comments in the last ${windowDays} days (site limit ${limit})`,
  };
  return { reasons: [reasonOf('repeatOffender', ctx.messageLanguage, messages)] };
}

/** The same text posted a third time within a day is held as a flood (`spam.repeat`). */
export function repeatedText(ctx: Pick<IntakeContext, 'standing' | 'messageLanguage'>): PhaseResult | undefined {
  const copies = ctx.standing.earlierCopies;
  if (copies < REPEAT_LIMIT) return undefined;
  const messages = {
    id: `Teks yang sama sudah dikirim ${copies} kali dalam 24 jam terakhir.`,
    en: `The same text was already sent ${copies} times in the last 24 hours.`,
  };
  return { reasons: [reasonOf('repeatedText', ctx.messageLanguage, messages)] };
}
