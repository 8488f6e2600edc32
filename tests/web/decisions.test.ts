import type { Page } from 'playwright-core';
import request from 'supertest';
import { ADMIN_TOKEN, aComment, createSite } from '../support/app';
import { launchChromium, signIn } from '../support/browser';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { waitUntil } from '../support/wait';

/**
 * A decision goes to the comment on screen. The page used to reset its
 * selection to the top when the `comment.decided` event beat the decision's
 * answer, and to move a remotely decided selection silently, so the next `a`
 * approved a comment nobody had chosen.
 */
describe('decisions on the moderator page (two pages, real browser)', () => {
  let a: LiveInstance;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let site: string;
  let budi: string;
  let sari: string;
  const problems: string[] = [];

  const moderator = async (name: string) => (await request(a.app).post('/v1/principals').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ role: 'moderator', siteIds: ['meja'], name }).expect(201)).body.token as string;
  const hold = async (n: number, tag: string) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) ids.push((await a.submit(site, aComment({ text: `Komentar ${tag} nomor ${i} tentang banjir.`, author: { id: `${tag}-${i}`, name: `Pembaca ${i}` } }))).id);
    return ids;
  };
  const selected = (page: Page) => page.getAttribute('.queue-item.selected', 'data-id');
  const stored = async (id: string) => (await a.store.models.Comment.findById(id).lean())!;

  beforeAll(async () => {
    browser = await launchChromium();
    a = await startLiveInstance({ label: 'web_decide' });
    site = (await createSite(a.app, 'meja', { policy: { preModeration: true } })).token;
    budi = await moderator('Budi');
    sari = await moderator('Sari');
  }, 60_000);
  beforeEach(() => problems.splice(0));
  // a refused decision is the point of some tests; the browser logs every 409 answer
  const unexpected = () => problems.filter((p) => !/status of 409/.test(p));
  afterAll(async () => {
    await browser?.close();
    await a?.close();
  });

  it('when the stream event arrives before the answer, then the selection moves to the next comment, not to the top', async () => {
    const ids = await hold(5, 'urut');
    const page = await signIn(browser.context, a.url, budi, problems);
    await page.waitForSelector(`.queue-item[data-id="${ids[4]}"]`);
    // hold every decision's answer until its comment.decided event has reached the page
    await page.route('**/decision', async (route) => {
      const response = await route.fetch();
      const { id } = await response.json();
      await page.waitForSelector(`.queue-item[data-id="${id}"]`, { state: 'detached' }).catch(() => undefined);
      await route.fulfill({ response });
    });
    await page.click(`.queue-item[data-id="${ids[2]}"]`);
    await page.keyboard.press('a');
    await page.waitForSelector(`.queue-item[data-id="${ids[2]}"]`, { state: 'detached' });
    await waitUntil(async () => (await page.getAttribute('#detail', 'data-id')) === ids[3], { what: 'the next comment in the detail' });
    expect(await selected(page)).toBe(ids[3]);
    await page.keyboard.press('r');
    await page.waitForSelector(`.queue-item[data-id="${ids[3]}"]`, { state: 'detached' });
    expect(await selected(page)).toBe(ids[4]);
    expect((await stored(ids[2]!)).status).toBe('approved');
    expect((await stored(ids[3]!)).status).toBe('rejected');
    expect((await stored(ids[4]!)).status).toBe('pending');
    // the last one of the queue: the selection goes to the one before it
    await page.keyboard.press('a');
    await page.waitForSelector(`.queue-item[data-id="${ids[4]}"]`, { state: 'detached' });
    expect(await selected(page)).toBe(ids[1]);
    expect(await page.textContent(`#recent-list li[data-id="${ids[4]}"] .decider`)).toContain('Budi');
    expect(unexpected()).toEqual([]);
    await page.close();
    for (const id of ids) await request(a.app).post(`/v1/comments/${id}/decision`).set('Authorization', `Bearer ${budi}`).send({ status: 'approved', force: true });
  });

  it('when another moderator decides the selected comment, then the page says so, keeps it selected, and the next keystroke gets a 409 with Force instead of deciding another comment', async () => {
    const ids = await hold(3, 'dua');
    const first = await signIn(browser.context, a.url, budi, problems);
    const second = await signIn(browser.context, a.url, sari, problems);
    for (const p of [first, second]) {
      await p.waitForSelector(`.queue-item[data-id="${ids[2]}"]`);
      await p.click(`.queue-item[data-id="${ids[1]}"]`);
    }
    await second.keyboard.press('r');
    await second.waitForSelector(`.queue-item[data-id="${ids[1]}"]`, { state: 'detached' });

    // the first page: still on the same comment, marked, with who decided it
    await first.waitForSelector('#detail .notice.gone');
    expect(await selected(first)).toBe(ids[1]);
    expect(await first.textContent('#detail .notice.gone')).toMatch(/ditolak oleh Sari/);
    await first.keyboard.press('a');
    await first.waitForSelector('#decision-error.conflict');
    expect(await first.textContent('#decision-error')).toMatch(/Sudah ditolak oleh Sari/);
    expect((await stored(ids[1]!)).status).toBe('rejected');
    // nothing else was decided by the keystroke
    expect((await stored(ids[0]!)).status).toBe('pending');
    expect((await stored(ids[2]!)).status).toBe('pending');

    // Force overrides on purpose, at the revision now current
    await first.click('#force');
    await first.waitForSelector(`.queue-item[data-id="${ids[1]}"]`, { state: 'detached' });
    const after = await stored(ids[1]!);
    expect(after).toMatchObject({ status: 'approved', revision: 2 });
    expect(unexpected()).toEqual([]);
    await Promise.all([first.close(), second.close()]);
  });

  it('when two moderators decide the same comment at once, then the loser sees who won and can force', async () => {
    const [id] = await hold(1, 'balap');
    const first = await signIn(browser.context, a.url, budi, problems);
    const second = await signIn(browser.context, a.url, sari, problems);
    for (const p of [first, second]) await p.click(`.queue-item[data-id="${id}"]`);
    // the second page's stream is slow: its decision leaves before it hears of the first
    // (a throw in the handler would leave the page's request hanging: the status is checked outside)
    let winner: number | undefined;
    await second.route('**/decision', async (route) => {
      winner = (await request(a.app).post(`/v1/comments/${id}/decision`).set('Authorization', `Bearer ${budi}`).send({ status: 'approved', expectedRevision: 0 })).status;
      await route.continue();
    }, { times: 1 });
    await second.keyboard.press('r');
    await waitUntil(async () => winner !== undefined, { what: 'the first decision', timeoutMs: 15_000 });
    expect(winner).toBe(200);
    await second.waitForSelector('#decision-error.conflict');
    expect(await second.textContent('#decision-error')).toMatch(/Sudah disetujui oleh Budi/);
    expect(await second.textContent('#force')).toMatch(/Paksa: ditolak/);
    await second.click('#force');
    await waitStatus(id!, 'rejected');
    await Promise.all([first.close(), second.close()]);
  });

  async function waitStatus(id: string, status: string) {
    for (let i = 0; i < 100; i += 1) {
      if ((await stored(id)).status === status) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${id} never became ${status}`);
  }
});
