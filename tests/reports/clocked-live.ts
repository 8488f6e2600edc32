import request from 'supertest';
import type { JobOverrides } from '../../src/service/jobs';
import { startLiveInstance, type LiveInstance } from '../support/live';

/** A real instance (http server + live stream) whose clock the test moves: `t.clock.now = …`. */
export interface ClockedInstance extends LiveInstance {
  submit(siteToken: string, body: Record<string, unknown>): Promise<{ id: string; status: string; reasons: { ruleId: string; message: string; category: string }[] } & Record<string, unknown>>;
  report(siteToken: string, commentId: string, body: Record<string, unknown>): request.Test;
  /** Moves the clock forward. */
  advance(ms: number): void;
}

/**
 * Starts the test service on its own database with a fixed clock at `start`, on 127.0.0.1, with
 * the live stream. The overdue sweepers are off (a fixed clock turns them off): the tests call
 * the sweeps after moving the clock. No poller (one instance) and no webhook worker unless `jobs` asks.
 */
export async function startClockedInstance(label: string, start = new Date('2025-05-05T01:00:00Z'), jobs: JobOverrides = {}): Promise<ClockedInstance> {
  const t = await startLiveInstance({ label, clock: start, jobs: { eventPoller: false, ...jobs } });
  return {
    ...t,
    submit: (token, body) => t.submit(token, body) as ReturnType<ClockedInstance['submit']>,
    report: (token, id, body) => request(t.app).post(`/v1/comments/${id}/reports`).set('Authorization', `Bearer ${token}`).send(body),
    advance(ms) {
      t.clock.now = new Date(t.clock.now.getTime() + ms);
    },
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
