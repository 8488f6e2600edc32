import request from 'supertest';
import { main } from '../../src/cli/index';
import { aComment, buildTestApp, type TestApp } from '../support/app';
import { testMongoUrl } from '../support/db';
import { captureIo } from './capture-io';

describe('saring sites create / tokens create', () => {
  let t: TestApp;
  let store: string[];
  beforeAll(async () => {
    t = await buildTestApp({ label: 'cli-admin' });
    store = ['--mongo', testMongoUrl(), '--db', t.store.conn.name];
  });
  afterAll(() => t.close());

  async function run(...argv: string[]) {
    const io = captureIo();
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
  }

  it('when a site is created, then its token alone is printed once and it can submit a comment over HTTP', async () => {
    const res = await run('sites', 'create', '--id', 'cli-site', '--name', 'Harian CLI', ...store);
    expect(res.code).toBe(0);
    const lines = res.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const token = lines[0]!;
    expect(token).toMatch(/^sar_/);
    expect(res.err).toContain('shown only once');
    const stored = await t.store.models.Principal.findOne({ siteIds: 'cli-site' }).lean();
    expect(stored?.tokenHash).not.toContain(token);
    const posted = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(aComment());
    expect(posted.status).toBe(201);
  });

  it('when a moderator token is created for sites, then it reads those sites and only those', async () => {
    await run('sites', 'create', '--id', 'cli-other', '--name', 'Other', ...store);
    const res = await run('tokens', 'create', '--role', 'moderator', '--sites', 'cli-site', '--name', 'Budi', ...store);
    expect(res.code).toBe(0);
    const token = res.out.trim();
    const mine = await request(t.app).get('/v1/comments?siteId=cli-site').set('Authorization', `Bearer ${token}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    const other = await request(t.app).get('/v1/comments?siteId=cli-other').set('Authorization', `Bearer ${token}`);
    expect(other.status).toBe(403);
  });

  it('when a legal token is created for a site, then it exports the site\'s authors and may not decide comments', async () => {
    const res = await run('tokens', 'create', '--role', 'legal', '--sites', 'cli-site', '--name', 'Tim hukum', ...store);
    expect(res.code).toBe(0);
    const token = res.out.trim();
    expect((await request(t.app).get('/v1/sites/cli-site/authors/reader-1/export').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    expect((await request(t.app).get('/v1/sites/cli-other/authors/reader-1/export').set('Authorization', `Bearer ${token}`)).status).toBe(404);
    expect((await request(t.app).post('/v1/comments/c_any/decision').set('Authorization', `Bearer ${token}`).send({ status: 'approved' })).status).toBe(403);
  });

  it('when --json is given, then the whole record is printed as one JSON line', async () => {
    const res = await run('tokens', 'create', '--role', 'admin', '--json', ...store);
    expect(res.code).toBe(0);
    const record = JSON.parse(res.out);
    expect(record).toMatchObject({ role: 'admin', siteIds: [], token: expect.stringMatching(/^sar_/) });
    const sites = await request(t.app).post('/v1/sites').set('Authorization', `Bearer ${record.token}`).send({ id: 'via-cli-admin', name: 'x' });
    expect(sites.status).toBe(201);
  });

  it('when the command writes, then an audit entry names the CLI as the actor', async () => {
    expect(await t.store.models.Audit.countDocuments({ actor: 'cli', action: 'site.create' })).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['no store is named', ['sites', 'create', '--id', 'x-site', '--name', 'X'], /--mongo URL or set MONGO_URL/],
    ['the site already exists', ['sites', 'create', '--id', 'cli-site', '--name', 'Again', 'STORE'], /already exists/],
    ['the site id is malformed', ['sites', 'create', '--id', 'Bad Id', '--name', 'X', 'STORE'], /--id/],
    ['a moderator has no sites', ['tokens', 'create', '--role', 'moderator', 'STORE'], /--sites is required/],
    ['a site does not exist', ['tokens', 'create', '--role', 'moderator', '--sites', 'nope-site', 'STORE'], /no such site: nope-site/],
    ['the role is unknown', ['tokens', 'create', '--role', 'root', 'STORE'], /--role must be site, moderator, admin or legal/],
    ['a legal officer has no sites', ['tokens', 'create', '--role', 'legal', 'STORE'], /--sites is required/],
    ['a flag is unknown', ['tokens', 'create', '--role', 'admin', '--bogus', 'STORE'], /bogus/],
  ])('when %s, then it exits with 2, a message, and no token', async (_name, argv, message) => {
    const withStore = argv.flatMap((a) => (a === 'STORE' ? store : [a]));
    const saved = process.env.MONGO_URL;
    delete process.env.MONGO_URL;
    try {
      const res = await run(...withStore);
      expect(res.code).toBe(2);
      expect(res.err).toMatch(message);
      expect(res.out).toBe('');
    } finally {
      if (saved !== undefined) process.env.MONGO_URL = saved;
    }
  });

  it('when asked for help, then each command explains itself', async () => {
    expect((await run('--help')).out).toMatch(/saring db/);
    expect((await run('sites', 'create', '--help')).out).toMatch(/--id ID --name NAME/);
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command/);
  });
});
