import request from 'supertest';
import { aComment, createPrincipal, createSite } from '../support/app';
import { launchChromium, signIn } from '../support/browser';
import { aHeldComment } from '../support/held';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { screenshotFile } from '../support/screenshots';
import { waitUntil } from '../support/wait';

/**
 * The queue is the whole queue: the page loaded the newest 200 held comments,
 * counted "Held 200", and never showed the oldest and most urgent ones.
 */
describe('a long queue on the desk (real chromium)', () => {
  let a: LiveInstance;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let mod: string;
  const ids: string[] = [];
  let urgentId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    a = await startLiveInstance({ label: 'web_long' });
    const site = (await createSite(a.app, 'panjang', { policy: { preModeration: true } })).token;
    mod = await createPrincipal(a.app, 'moderator', ['panjang']);
    urgentId = (await a.submit(site, aHeldComment({ author: { id: 'u-1', name: 'Urgent' } }))).id;
    for (let i = 0; i < 249; i += 1) ids.push((await a.submit(site, aComment({ text: `Komentar panjang nomor ${i} soal harga cabai.`, articleId: `art-${i % 7}`, author: { id: `p-${i}`, name: `Pembaca ${i}` } }))).id);
  }, 180_000);
  beforeEach(() => problems.splice(0));
  afterAll(async () => {
    await browser?.close();
    await a?.close();
  });

  it('when 250 comments are held, then the counter is exact and every one is reached in due order, page by page with j', async () => {
    const page = await signIn(browser.context, a.url, mod, problems);
    await page.waitForSelector('.queue-item');
    expect(await page.textContent('#queue-count')).toBe('250');
    // the urgent one (4 h) is due first although it is the oldest of none
    expect(await page.getAttribute('.queue-item.selected', 'data-id')).toBe(urgentId);
    const api = await request(a.app).get('/v1/comments?queue=all&sort=due&limit=200').set('Authorization', `Bearer ${mod}`);
    const expected: string[] = api.body.items.map((c: { id: string }) => c.id);
    const rest = await request(a.app).get(`/v1/comments?queue=all&sort=due&limit=200&cursor=${api.body.nextCursor}`).set('Authorization', `Bearer ${mod}`);
    expected.push(...rest.body.items.map((c: { id: string }) => c.id));
    expect(expected).toHaveLength(250);
    const seen: (string | null)[] = [await page.getAttribute('.queue-item.selected', 'data-id')];
    for (let i = 1; i < 250; i += 1) {
      await page.keyboard.press('j');
      seen.push(await waitUntil(async () => {
        const id = await page.getAttribute('.queue-item.selected', 'data-id').catch(() => null);
        return id !== seen[i - 1] ? id : null;
      }, { timeoutMs: 15_000, what: `the selection after j #${i}` }));
    }
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(250);
    expect(await page.textContent('#page-info')).toMatch(/^Halaman 5 · 50 ditampilkan dari 250$/);
    // back to the first page with k
    for (let i = 0; i < 50; i += 1) await page.keyboard.press('k');
    await waitUntil(async () => (await page.textContent('#page-info'))?.startsWith('Halaman 4'), { what: 'page 4' });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('when an article and a category are filtered, then the list and the counter follow the server', async () => {
    const page = await signIn(browser.context, a.url, mod, problems);
    await page.waitForSelector('.queue-item');
    await page.fill('#f-article', 'art-3');
    await page.press('#f-article', 'Enter');
    await waitUntil(async () => (await page.textContent('#queue-count')) === '36', { what: 'the article count' });
    expect(await page.locator('.queue-item').count()).toBe(36);
    await page.fill('#f-article', '');
    await page.press('#f-article', 'Enter');
    await waitUntil(async () => (await page.textContent('#queue-count')) === '250', { what: 'the whole count' });
    await page.click('#counters li[data-category="none"]');
    await waitUntil(async () => (await page.textContent('#page-info'))?.endsWith('dari 249'), { what: 'the category count' });
    expect(await page.locator(`.queue-item[data-id="${urgentId}"]`).count()).toBe(0);
    await page.close();
  });

  it('when the desk is 360 px wide, then nothing overflows sideways and the action buttons stay on screen while scrolling', async () => {
    const page = await signIn(browser.context, a.url, mod, problems);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForSelector('#detail .standing');
    await page.waitForSelector('#detail #approve');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    for (const y of [0, 3000, 100000]) {
      await page.evaluate(`window.scrollTo(0, ${y})`);
      const box = await waitUntil(() => page.locator('#detail #approve').boundingBox(), { what: 'the approve button' });
      expect(box!.y + box!.height).toBeLessThanOrEqual(740);
      expect(box!.y).toBeGreaterThanOrEqual(0);
    }
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: screenshotFile('moderator-phone.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    // a desktop: after 30 × j the detail panel and its buttons are still in view
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('j');
    const approve = await waitUntil(() => page.locator('#detail #approve').boundingBox(), { what: 'the approve button' });
    expect(approve!.y + approve!.height).toBeLessThanOrEqual(720);
    expect(approve!.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: screenshotFile('moderator.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
