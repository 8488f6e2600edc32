import { composeIntake, decideIntake, INTAKE_PHASES, type IntakeInput } from '../../src/comments/intake/phases';
import type { IntakePhase } from '../../src/comments/intake/context';
import { moderate } from '../../src/moderation/moderate';
import type { CommentStatus, SitePolicy } from '../../src/moderation/types';
import type { AuthorAtIntake } from '../../src/standing/intake-standing';
import { textFingerprint } from '../../src/standing/repeat-text';
import type { AuthorDoc, SiteDoc } from '../../src/store/models';
import { shippedRuleset } from '../moderation/shipped-rules';

const ruleset = shippedRuleset();
const NOW = new Date('2026-06-01T03:00:00Z');
const HOUR = 3_600_000;
const CLEAN = 'Berita yang bagus, terima kasih.';

type Policy = NonNullable<SiteDoc['policy']>;
/** A site as the store holds it; `categoryActions` as the stored list. */
function aSite(policy: Partial<Omit<Policy, 'categoryActions'>> & { categoryActions?: Record<string, string> } = {}): SiteDoc {
  const { categoryActions = {}, ...rest } = policy;
  return { _id: 'site-p', name: 'P', policy: { ...rest, categoryActions: Object.entries(categoryActions).map(([category, action]) => ({ category, action })) } } as unknown as SiteDoc;
}

/** An author with what intake reads of them: a ban, `rejected` recent rejections, `copies` earlier copies of `text`. */
function anAuthor(text: string, opts: { bannedHours?: number; rejected?: number; copies?: number } = {}): AuthorAtIntake {
  const fingerprint = textFingerprint(text);
  const history = [
    ...Array.from({ length: opts.rejected ?? 0 }, (_, i) => ({ at: new Date(NOW.getTime() - HOUR), status: 'rejected', commentId: `r${i}`, textHash: 'other' })),
    ...Array.from({ length: opts.copies ?? 0 }, (_, i) => ({ at: new Date(NOW.getTime() - HOUR), status: 'approved', commentId: `c${i}`, textHash: fingerprint })),
  ];
  const banned = opts.bannedHours ? { bannedUntil: new Date(NOW.getTime() + opts.bannedHours * HOUR) } : {};
  const doc = history.length > 0 || opts.bannedHours ? ({ _id: 'site-p:u', siteId: 'site-p', authorId: 'u', history, ...banned } as unknown as AuthorDoc) : null;
  return { siteId: 'site-p', authorId: 'u', key: 'site-p:u', doc, recent: [], fingerprint };
}

const input = (text: string, site = aSite(), author = anAuthor(text)): IntakeInput => ({ ruleset, site, author, text, now: NOW });

describe('intake as phases', () => {
  it('when intake is listed, then its phases run in this order: engine, pre-moderation, ban, repeat offender, repeated text', () => {
    expect(INTAKE_PHASES.map((p) => p.name)).toEqual(['engineVerdict', 'preModeration', 'authorBan', 'repeatOffender', 'repeatedText']);
  });

  const policies: { text: string; policy: SitePolicy }[] = [
    { text: CLEAN, policy: {} },
    { text: 'Dasar anjing lu, baca dulu!', policy: {} },
    { text: 'Dasar anjing lu, baca dulu!', policy: { strictness: 'strict' } },
    { text: 'Open BO, chat WA 081234567890', policy: { strictness: 'lenient' } },
    { text: 'Gue tau rumah lo, tunggu gue bacok', policy: { categoryActions: { ancaman: 'reject' } } },
    { text: 'njir keren', policy: { categoryActions: { 'kasar.interjection': 'approve' } } },
    { text: 'pak lurah itu koruptor', policy: { strictness: 'strict', categoryActions: { fitnah: 'mask' } } },
  ];
  it.each(policies)('when a clean author posts "$text" under $policy, then intake decides as the engine does with that policy', ({ text, policy }) => {
    const got = decideIntake(input(text, aSite(policy as Parameters<typeof aSite>[0])));
    const sitePolicy: SitePolicy = { strictness: 'standard', ...policy };
    const engine = moderate(ruleset, text, { policy: sitePolicy, at: NOW });
    expect({ ...got, deadline: undefined }).toEqual({ ...engine, deadline: undefined });
  });

  it.each([
    { lang: 'id', ban: 'penulis diblokir', offender: 'pelanggar berulang: 3 komentar ditolak dalam 7 hari terakhir (batas situs 3)', repeat: 'Teks yang sama sudah dikirim 2 kali dalam 24 jam terakhir.' },
    { lang: 'en', ban: 'author banned', offender: 'repeat offender: 3 rejected comments in the last 7 days (site limit 3)', repeat: 'The same text was already sent 2 times in the last 24 hours.' },
  ] as const)('when the site writes its messages in "$lang", then intake reasons are written in it, as the engine reasons are', ({ lang, ban, offender, repeat }) => {
    const text = 'Dasar anjing lu, baca dulu!';
    const site = aSite({ messageLanguage: lang });
    const engineMessages = moderate(ruleset, text, { messageLanguage: lang }).reasons.map((r) => r.message);
    const banned = decideIntake(input(text, site, anAuthor(text, { bannedHours: 2 })));
    expect(banned.reasons.map((r) => r.message)).toEqual([ban, ...engineMessages]);
    expect(decideIntake(input(CLEAN, site, anAuthor(CLEAN, { rejected: 3 }))).reasons.map((r) => r.message)).toEqual([offender]);
    expect(decideIntake(input(CLEAN, site, anAuthor(CLEAN, { copies: 2 }))).reasons.map((r) => r.message)).toEqual([repeat]);
  });

  const overrides: { name: string; author: Parameters<typeof anAuthor>[1]; actions: Record<string, string>; status: CommentStatus; ruleIds: string[] }[] = [
    { name: 'the repeated-text category is mapped to reject', author: { copies: 2 }, actions: { 'spam.repeat': 'reject' }, status: 'rejected', ruleIds: ['spam.repeat-text'] },
    { name: 'the spam family is mapped to reject', author: { copies: 2 }, actions: { spam: 'reject' }, status: 'rejected', ruleIds: ['spam.repeat-text'] },
    { name: 'the repeated-text category is mapped to flag', author: { copies: 2 }, actions: { 'spam.repeat': 'flag' }, status: 'approved', ruleIds: ['spam.repeat-text'] },
    { name: 'the offender category is silenced (approve)', author: { rejected: 3 }, actions: { 'standing.offender': 'approve' }, status: 'approved', ruleIds: [] },
    { name: 'the offender category is mapped to reject', author: { rejected: 3 }, actions: { 'standing.offender': 'reject' }, status: 'rejected', ruleIds: ['standing.repeat-offender'] },
    { name: 'the standing family is silenced, for a banned author', author: { bannedHours: 1 }, actions: { standing: 'approve' }, status: 'rejected', ruleIds: ['standing.banned'] },
    { name: 'the banned category is mapped to approve', author: { bannedHours: 1 }, actions: { 'standing.banned': 'approve' }, status: 'rejected', ruleIds: ['standing.banned'] },
  ];
  it.each(overrides)('when $name, then intake follows the site (a ban excepted): $status', ({ author, actions, status, ruleIds }) => {
    const got = decideIntake(input(CLEAN, aSite({ categoryActions: actions }), anAuthor(CLEAN, author)));
    expect(got.status).toBe(status);
    expect(got.reasons.map((r) => r.ruleId)).toEqual(ruleIds);
    expect(got.reasons.every((r) => r.action !== ('approve' as string))).toBe(true);
  });

  it.each([
    { name: 'a lenient site gets a repeat offender', author: { rejected: 3 }, strictness: 'lenient' },
    { name: 'a strict site gets a repeated text', author: { copies: 2 }, strictness: 'strict' },
  ] as const)('when $name, then strictness leaves the intake reason as it is (held for review)', ({ author, strictness }) => {
    const got = decideIntake(input(CLEAN, aSite({ strictness }), anAuthor(CLEAN, author)));
    expect([got.status, got.action, got.reasons.map((r) => r.action)]).toEqual(['pending', 'review', ['review']]);
  });

  it('when a banned author posts text the engine rejects, then the ban rejects what a lenient site would only hold, every reason is kept strongest first, and the offender reason gives way to the ban', () => {
    const text = 'slot gacor maxwin depo pulsa tanpa potongan di pulau777';
    const got = decideIntake(input(text, aSite({ strictness: 'lenient' }), anAuthor(text, { bannedHours: 1, rejected: 5, copies: 4 })));
    const engine = moderate(ruleset, text, { policy: { strictness: 'lenient' }, at: NOW });
    expect(engine.status).toBe('pending');
    expect(got.status).toBe('rejected');
    const rank = { reject: 3, review: 2, mask: 1, flag: 0 };
    const ranks = got.reasons.map((r) => rank[r.action]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(got.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'standing.banned', action: 'reject' }), expect.objectContaining({ ruleId: 'spam.repeat-text', action: 'review' }), ...engine.reasons]));
    expect(got.reasons).toHaveLength(engine.reasons.length + 2);
    expect(got.maskedText).toBe(engine.maskedText);
  });

  it('when a repeat offender posts what the engine holds anyway, then the offender reason is still given beside the engine reason (a moderator sees why, the outcome is no stricter)', () => {
    const text = 'Gue tau rumah lo, tunggu gue bacok';
    const engine = moderate(ruleset, text, { policy: { strictness: 'standard' }, at: NOW });
    const got = decideIntake(input(text, aSite(), anAuthor(text, { rejected: 3 })));
    expect([got.status, got.action]).toEqual([engine.status, engine.action]);
    expect(got.reasons.map((r) => r.ruleId).sort()).toEqual([...engine.reasons.map((r) => r.ruleId), 'standing.repeat-offender'].sort());
  });

  it('when a site pre-moderates, then a clean comment is held without a reason and queued, and a rejected one stays rejected', () => {
    const site = aSite({ preModeration: true });
    const clean = decideIntake(input(CLEAN, site));
    expect(clean).toMatchObject({ status: 'pending', action: 'approve', reasons: [], deadline: { queuedAt: NOW, dueAt: new Date(NOW.getTime() + 24 * HOUR), urgent: false } });
    expect(decideIntake(input('slot gacor maxwin depo pulsa tanpa potongan di pulau777', site)).status).toBe('rejected');
    expect(decideIntake(input(CLEAN)).deadline).toEqual({});
  });

  it('when no phase runs, then a comment is published as it is', () => {
    expect(composeIntake([])(input('Dasar anjing lu'))).toEqual({ status: 'approved', action: 'approve', reasons: [], maskedText: 'Dasar anjing lu', rulesetVersion: ruleset.version, deadline: {} });
  });

  it('when the phases run in another order, then the outcome is the same (each reads only the context, the policy settles all reasons at the end)', () => {
    const text = 'Dasar anjing lu, baca dulu!';
    const args = input(text, aSite({ preModeration: true, messageLanguage: 'en' }), anAuthor(text, { rejected: 3, copies: 2 }));
    expect(composeIntake([...INTAKE_PHASES].reverse())(args)).toEqual(decideIntake(args));
  });

  it('when a phase is added as one more entry, then its reason follows the site policy like every other', () => {
    const shouting: IntakePhase = (ctx) =>
      ctx.text === ctx.text.toUpperCase()
        ? { reasons: [{ scope: 'category', reason: { ruleId: 'style.shouting', category: 'style.shouting', legalBasis: 'Kebijakan situs', action: 'flag', message: ctx.messageLanguage === 'en' ? 'shouting' : 'berteriak', severity: 1, spans: [] } }] }
        : undefined;
    const withShouting = composeIntake([...INTAKE_PHASES, shouting]);
    expect(withShouting(input('BERITA BAGUS SEKALI')).reasons).toEqual([expect.objectContaining({ ruleId: 'style.shouting', action: 'flag', message: 'berteriak' })]);
    const held = withShouting(input('BERITA BAGUS SEKALI', aSite({ categoryActions: { style: 'review' } })));
    expect([held.status, held.action]).toEqual(['pending', 'review']);
    expect(held.deadline.dueAt).toEqual(new Date(NOW.getTime() + 24 * HOUR));
  });
});
