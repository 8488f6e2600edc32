import request from 'supertest';
import { createAuthenticator } from '../../src/auth/authenticate';
import { issueToken } from '../../src/auth/tokens';
import { matchForms, wordMemoBytes, WORD_CACHE_BYTES } from '../../src/moderation/term-index';
import { RecentTexts } from '../../src/standing/recent-texts';
import type { Models } from '../../src/store/models';
import { aComment, buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';

const thai = (i: number, length: number) => Array.from({ length }, (_, k) => String.fromCharCode(0x0e01 + ((i * 7 + k * 13) % 40))).join('') + i.toString(36);
const forged = () => `sar_${issueToken().id}_${'x'.repeat(32)}`;

describe('memory a caller can add is bounded', () => {
  it('when 200 unique 10,000-character words are moderated (regression: ~36 KB kept for each), then the word memo keeps none of them', () => {
    const memo = new Map<string, string[]>();
    for (let i = 0; i < 200; i++) matchForms(thai(i, 10_000), new Map(), new Set(), memo);
    expect(memo.size).toBe(0);
    expect(wordMemoBytes(memo)).toBe(0);
  });

  it('when 150,000 unique short words pass, then the word memo stays within its byte bound', () => {
    const memo = new Map<string, string[]>();
    for (let i = 0; i < 150_000; i++) matchForms(`kata${i.toString(36)}${'a'.repeat(30)}`, new Map(), new Set(), memo);
    expect(wordMemoBytes(memo)).toBeLessThanOrEqual(WORD_CACHE_BYTES);
    expect(memo.size).toBeLessThanOrEqual(100_000);
  });

  it('when 20,000 forged token ids are presented (regression: every one kept past its TTL), then the negative cache holds at most its bound, and repeats do not read the store', async () => {
    let reads = 0;
    const models = { Principal: { findById: () => ({ lean: async () => (reads++, null) }) } } as unknown as Models;
    const auth = createAuthenticator({ models, negativeMax: 1000 });
    const tokens = Array.from({ length: 20_000 }, forged);
    for (const t of tokens) expect(await auth.authenticate(t)).toBeUndefined();
    expect(auth.cacheSizes.unknown).toBeLessThanOrEqual(1000);
    expect(reads).toBe(20_000);
    const last = tokens.slice(-100);
    for (const t of last) await auth.authenticate(t);
    expect(reads).toBe(20_000);
  });

  it('when an unknown id and a known id with a wrong secret are presented, then both take a store read once, then the cache, and the same compare', async () => {
    const real = issueToken();
    let reads = 0;
    const models = {
      Principal: { findById: (id: string) => ({ lean: async () => (reads++, id === real.id ? { _id: real.id, tokenHash: real.tokenHash, role: 'moderator', siteIds: ['a'] } : null) }) },
    } as unknown as Models;
    const auth = createAuthenticator({ models });
    const wrongSecret = `sar_${real.id}_${'y'.repeat(32)}`;
    const unknownId = forged();
    expect([auth.needsLookup(wrongSecret), auth.needsLookup(unknownId)]).toEqual([true, true]);
    expect([await auth.authenticate(wrongSecret), await auth.authenticate(unknownId)]).toEqual([undefined, undefined]);
    expect([auth.needsLookup(wrongSecret), auth.needsLookup(unknownId)]).toEqual([false, false]);
    expect(reads).toBe(2);
    expect(await auth.authenticate(real.token)).toMatchObject({ id: real.id });
  });

  it('when 100,000 authors post once with long ids, then the recent-texts memory stays within its byte bound', () => {
    const recent = new RecentTexts({ maxBytes: 1024 * 1024 });
    for (let i = 0; i < 100_000; i++) recent.add(`site:${'a'.repeat(180)}${i}`, `c${i}`, 'f'.repeat(16), new Date());
    expect(recent.usage.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(recent.usage.authors).toBeGreaterThan(100);
  });
});

describe('rate limits before expensive work', () => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'lookups', env: { SARING_RATE_UNKNOWN_TOKEN_PER_SEC: '0.01', SARING_RATE_UNKNOWN_TOKEN_BURST: '5' } });
    proxied = await buildTestApp({ label: 'proxied', env: { SARING_RATE_UNKNOWN_TOKEN_PER_SEC: '0.01', SARING_RATE_UNKNOWN_TOKEN_BURST: '5', SARING_TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });
  const get = (app: TestApp, token: string, forwardedFor?: string) => {
    const req = request(app.app).get('/v1/comments').set('Authorization', `Bearer ${token}`);
    return forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req;
  };

  it('when one client presents forged tokens (regression: one store read each, before any limit), then past its burst it gets 429 without a store read', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await get(t, forged())).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual(Array(6).fill(429));
  });

  it('when real tokens from one client are looked up, then they are not charged as unknown ones', async () => {
    await createSite(proxied.app, 'lookup-site');
    const tokens = await Promise.all(Array.from({ length: 8 }, () => createPrincipal(proxied.app, 'moderator', ['lookup-site'])));
    proxied.auth.forget();
    for (let i = 0; i < 4; i++) expect((await get(proxied, forged(), '203.0.113.50')).status).toBe(401);
    for (const token of tokens) expect((await get(proxied, token, '203.0.113.50')).status).toBe(200);
    expect((await get(proxied, forged(), '203.0.113.50')).status).toBe(401);
    expect((await get(proxied, forged(), '203.0.113.50')).status).toBe(429);
  });

  it('when SARING_TRUST_PROXY trusts the proxy, then each forwarded client has a bucket of its own; when not, the proxy is one client', async () => {
    for (let i = 0; i < 6; i++) await get(proxied, forged(), '203.0.113.1');
    expect((await get(proxied, forged(), '203.0.113.1')).status).toBe(429);
    expect((await get(proxied, forged(), '203.0.113.2')).status).toBe(401);
    // the untrusting app saw the first test's flood from 127.0.0.1, whatever the header says
    expect((await get(t, forged(), '203.0.113.9')).status).toBe(429);
  });

  it('when a limit has a bad value, then the configuration names its variable', async () => {
    await expect(buildTestApp({ label: 'badproxy', env: { SARING_RULES_MAX_HIT_SHARE: '2' } })).rejects.toThrow(/SARING_RULES_MAX_HIT_SHARE/);
  });
});

describe('the per-author bucket', () => {
  let t: TestApp;
  let site: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'authorafter', env: { SARING_RATE_AUTHOR_BURST: '3', SARING_RATE_AUTHOR_PER_MIN: '0.01' } });
    site = (await createSite(t.app, 'author-after')).token;
  });
  afterAll(() => t.close());
  const post = (body: Record<string, unknown>) => request(t.app).post('/v1/comments').set('Authorization', `Bearer ${site}`).send(body);

  it('when malformed bodies name an author (regression: charged before validation), then they cost that author nothing, and valid ones are charged', async () => {
    for (let i = 0; i < 6; i++) expect((await post({ author: { id: 'pembaca-x', name: 'X' }, text: 42 })).status).toBe(422);
    const valid = [];
    for (let i = 0; i < 4; i++) valid.push((await post(aComment({ author: { id: 'pembaca-x', name: 'X' }, text: `Komentar biasa nomor ${i}` }))).status);
    expect(valid).toEqual([201, 201, 201, 429]);
  });
});
