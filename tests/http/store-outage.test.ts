import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded-store';
import { aComment, buildTestApp, createSite, type TestApp } from '../support/app';

/** A store process of this test's own, so it can be stopped and started again. */
describe('when the store goes away', () => {
  let dir: string;
  let store: EmbeddedStore;
  let port: number;
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'saring-outage-'));
    store = await startEmbeddedStore({ dir });
    port = Number(new URL(store.url).port);
    t = await buildTestApp({ label: 'outage', mongoUrl: store.url });
    token = (await createSite(t.app, 'outage-site')).token;
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
    await store.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const submit = (body: Record<string, unknown>) => request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(body);

  it('then requests fail fast with 503 and Retry-After, /readyz says so, and it recovers without a restart', async () => {
    const before = aComment();
    expect((await submit(before)).status).toBe(201);

    await store.stop();
    const started = Date.now();
    const down = await submit(aComment());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBeDefined();
    expect(down.body.error.code).toBe('store_unavailable');
    const ready = await request(t.app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.store).toBe('down');
    expect((await request(t.app).get('/healthz')).status).toBe(200);

    store = await startEmbeddedStore({ dir, port });
    const retry = aComment();
    let res = await submit(retry);
    for (let i = 0; i < 40 && res.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 250));
      res = await submit(retry);
    }
    expect(res.status).toBe(201);
    expect((await submit(retry)).status).toBe(200);
    expect(await t.store.models.Comment.countDocuments({ externalId: { $in: [before.externalId as string, retry.externalId as string] } })).toBe(2);
    expect((await request(t.app).get('/readyz')).status).toBe(200);
  });
});
