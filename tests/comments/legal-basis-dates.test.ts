import { mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { RulesetError } from '../../src/moderation/errors';
import { loadRulesetFromDir } from '../../src/rules/load';
import { ADMIN_TOKEN, aComment, createSite, RULES_DIR } from '../support/app';
import { startClockedInstance, type ClockedInstance } from '../reports/clocked-live';

const IN_2025 = new Date('2025-12-31T03:00:00Z'); // 10:00 WIB, 31 Dec 2025
const IN_2026 = new Date('2026-01-01T17:30:00Z'); // 00:30 WIB, 2 Jan 2026 (still 1 Jan in UTC)
const FITNAH = 'Si Budi itu maling duit rakyat, koruptor!';

describe('the law in force on the day of each decision (real store)', () => {
  let t: ClockedInstance;
  let site: string;
  let old: { id: string };
  let fresh: { id: string };
  beforeAll(async () => {
    t = await startClockedInstance('legal-dates', IN_2025);
    site = (await createSite(t.app, 'site-law')).token;
    old = await t.submit(site, aComment({ text: FITNAH, author: { id: 'a-2025', name: 'Pembaca' } }));
    t.clock.now = IN_2026;
    fresh = await t.submit(site, aComment({ text: FITNAH, author: { id: 'a-2026', name: 'Pembaca' } }));
  });
  afterAll(() => t.close());

  const basisOf = (body: { reasons: { category: string; legalBasis: string }[] }, category = 'fitnah.accusation') => body.reasons.find((r) => r.category === category)?.legalBasis;

  it('when the same comment is decided in 2025 and in 2026, then each cites the basis in force that day', async () => {
    expect(basisOf(old as never)).toMatch(/^UU ITE Pasal 27A/);
    expect(basisOf(fresh as never)).toMatch(/^KUHP \(UU 1\/2023\) Pasal 433/);
  });

  it('when the 2025 decision is read back in 2026, then the API keeps its UU ITE citation', async () => {
    const got = await request(t.app).get(`/v1/comments/${old.id}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
    expect(basisOf(got.body)).toMatch(/^UU ITE Pasal 27A/);
    expect(got.body.decision.reasons.find((r: { category: string }) => r.category === 'fitnah.accusation').legalBasis).toMatch(/27A/);
    const list = await request(t.app).get('/v1/comments?siteId=site-law').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
    const byId = new Map(list.body.items.map((c: { id: string }) => [c.id, c]));
    expect(basisOf(byId.get(old.id) as never)).toMatch(/27A/);
    expect(basisOf(byId.get(fresh.id) as never)).toMatch(/KUHP/);
  });

  it('when a moderator decides the 2025 comment in 2026, then it keeps the citation of the day it was made', async () => {
    const res = await request(t.app).post(`/v1/comments/${old.id}/decision`).set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ status: 'rejected' }).expect(200);
    expect(basisOf(res.body)).toMatch(/^UU ITE Pasal 27A/);
  });

  it('when the compliance report covers both days, then it lists each citation as stored', async () => {
    const res = await request(t.app).get('/v1/reports/compliance?siteId=site-law&from=2025-12-01T00:00:00Z&to=2026-01-31T00:00:00Z').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
    const fitnah = res.body.decisions.byLegalBasis.filter((b: { category: string }) => b.category === 'fitnah.accusation');
    expect(fitnah).toEqual([
      { category: 'fitnah.accusation', legalBasis: expect.stringMatching(/^KUHP/), count: 1 },
      { category: 'fitnah.accusation', legalBasis: expect.stringMatching(/^UU ITE Pasal 27A/), count: 1 },
    ]);
    const csv = await request(t.app).get('/v1/reports/compliance?siteId=site-law&from=2025-12-01T00:00:00Z&to=2026-01-31T00:00:00Z&format=csv').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
    expect(csv.text).toMatch(/decisions_by_legal_basis,"fitnah\.accusation UU ITE Pasal 27A[^\r]*",1/);
  });

  it('when the dry run is asked on either day, then it cites the basis in force on the injected clock', async () => {
    t.clock.now = IN_2025;
    const before = await request(t.app).post('/v1/moderate').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ text: FITNAH }).expect(200);
    t.clock.now = IN_2026;
    const after = await request(t.app).post('/v1/moderate').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ text: FITNAH }).expect(200);
    expect(basisOf(before.body)).toMatch(/27A/);
    expect(basisOf(after.body)).toMatch(/KUHP/);
  });
});

describe('loading a rules directory whose legal basis has a gap or an overlap', () => {
  const copyWith = (name: string, edit: (text: string) => string): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'saring-basis-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    const file = path.join(dir, name);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  };
  const refusal = async (dir: string) => {
    const err = await loadRulesetFromDir(dir).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(RulesetError);
    return (err as RulesetError).issues;
  };

  it('when the shipped rules are loaded, then every file compiles', async () => {
    expect(readdirSync(RULES_DIR).length).toBeGreaterThan(5);
    await expect(loadRulesetFromDir(RULES_DIR)).resolves.toBeDefined();
  });

  it.each([
    ['a gap', (s: string) => s.replace('from: 2026-01-02', 'from: 2026-01-10'), /gap between periods 1 and 2: no basis from 2026-01-02/],
    ['an overlap', (s: string) => s.replace('from: 2026-01-02', 'from: 2025-12-01'), /periods 1 and 2 overlap/],
  ])('when fitnah.yaml has %s, then the load is refused with its file and line', async (_name, edit, message) => {
    const issues = await refusal(copyWith('fitnah.yaml', edit));
    expect(issues).toEqual([expect.objectContaining({ file: 'fitnah.yaml', line: 5, message: expect.stringMatching(message) })]);
  });

  it('when a rule-level basis overlaps (susila.solicit), then the refusal names the file, line and rule id', async () => {
    const text = readFileSync(path.join(RULES_DIR, 'susila.yaml'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('      - from: 2026-01-02')) + 1;
    const issues = await refusal(copyWith('susila.yaml', (s) => s.replace('      - from: 2026-01-02', '      - from: 2026-01-01')));
    expect(issues).toEqual([expect.objectContaining({ file: 'susila.yaml', line, ruleId: 'susila.solicit', message: expect.stringMatching(/overlap/) })]);
  });
});
