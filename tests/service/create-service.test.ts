import request from 'supertest';
import { jobs } from '../../src/service/jobs';
import { buildTestApp, createPrincipal, createSite } from '../support/app';
import { aHeldComment } from '../support/held';
import { startLiveInstance } from '../support/live';
import { effectsMarkedDone, waitUntil } from '../support/wait';
import { TestSocket } from '../support/ws';

describe('createService, the one wiring', () => {
  it('when a test service starts, then every job of the one list runs in its order except the ones turned off', async () => {
    const t = await buildTestApp({ label: 'svc-jobs', jobs: { lockSweep: false } });
    try {
      // the test helpers turn the webhook worker off unless a test asks for one
      const expected = Object.keys(jobs).filter((name) => name !== 'lockSweep' && name !== 'webhookWorker' && name !== 'ruleWatcher');
      expect(t.service.jobNames).toEqual(expected);
    } finally {
      await t.close();
    }
  });

  it('when a held comment passes its deadline on the real clock, then the overdue sweeper of the test wiring raises comment.overdue by itself', async () => {
    const t = await buildTestApp({ label: 'svc-overdue' });
    try {
      const site = (await createSite(t.app, 'svc-overdue')).token;
      const overdue: string[] = [];
      t.events.onEvent((e) => void (e.type === 'comment.overdue' && overdue.push(String(e.data.id))));
      const res = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${site}`).send(aHeldComment());
      expect(res.body.status).toBe('pending');
      // the deadline is moved by a direct write, outside the revision claim: not while the effects' marking writes
      await effectsMarkedDone(t.store, res.body.id);
      await t.store.models.Comment.updateOne({ _id: res.body.id }, { $set: { dueAt: new Date(Date.now() - 1000) } });
      await waitUntil(() => overdue.includes(res.body.id), { timeoutMs: 15_000, what: 'the sweeper to raise comment.overdue' });
      expect((await t.store.models.Comment.findById(res.body.id).lean())?.overdueNotifiedAt).toBeInstanceOf(Date);
    } finally {
      await t.close();
    }
  });

  it('when it stops, then stream sockets get 1001, HTTP stops answering and the store is closed; a second stop is the same stop', async () => {
    const t = await startLiveInstance({ label: 'svc-stop' });
    await createSite(t.app, 'svc-stop');
    const mod = await createPrincipal(t.app, 'moderator', ['svc-stop']);
    const socket = await TestSocket.open(t.wsUrl, { token: mod });
    const stopping = t.service.stop();
    expect(t.service.stop()).toBe(stopping);
    expect((await socket.waitClosed()).code).toBe(1001);
    await stopping;
    expect(t.server.listening).toBe(false);
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    expect(t.store.isUp()).toBe(false);
  });
});
