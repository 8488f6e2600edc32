import { readFileSync } from 'node:fs';
import request from 'supertest';
import { ADMIN_TOKEN, aComment, createPrincipal, createSite } from '../support/app';
import { launchChromium, signIn } from '../support/browser';
import { aHeldComment } from '../support/held';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { screenshotFile } from '../support/screenshots';

/**
 * The Reported queue and the dashboard are views of the one desk: the same
 * sign-in and stream, the original text with its reasons, the reports, the
 * deadline, the author's standing, a CSV that downloads, and a stream that
 * comes back after the service restarts.
 */
describe('the Reported view and the dashboard of the desk (real chromium)', () => {
  let t: LiveInstance;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let site: string;
  let mod: string;
  let reportedId: string;
  let heldReportedId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startLiveInstance({ label: 'web_reported' });
    site = (await createSite(t.app, 'kabar')).token;
    mod = await createPrincipal(t.app, 'moderator', ['kabar']);
    const decide = (id: string, status: string) => request(t.app).post(`/v1/comments/${id}/decision`).set('Authorization', `Bearer ${mod}`).send({ status }).expect(200);
    for (const text of ['Semoga cepat selesai.', 'Terima kasih infonya.', 'slot gacor maxwin depo pulsa tanpa potongan di pulau777']) await t.submit(site, aComment({ text }));
    const held = await t.submit(site, aHeldComment({ author: { id: 'troll-1', name: 'Troll' } }));
    await decide(held.id, 'rejected');
    const reported = await t.submit(site, aComment({ text: 'Besok kumpul di depan kantor, kita lihat saja.', author: { id: 'pembaca-9', name: 'Pembaca Sembilan' } }));
    reportedId = reported.id;
    await request(t.app).post(`/v1/comments/${reportedId}/reports`).set('Authorization', `Bearer ${site}`).send({ reporterId: 'r-1', reason: 'hoaks.riot', note: 'ajakan kerusuhan' }).expect(201);
    await request(t.app).post(`/v1/comments/${reportedId}/reports`).set('Authorization', `Bearer ${site}`).send({ reporterId: 'r-2', reason: 'other' }).expect(201);
    // a held threat that readers also reported: the moderator must see the rule's reasons, not decide blind
    heldReportedId = (await t.submit(site, aHeldComment({ author: { id: 'pembaca-7', name: 'Tujuh' } }))).id;
    await request(t.app).post(`/v1/comments/${heldReportedId}/reports`).set('Authorization', `Bearer ${site}`).send({ reporterId: 'r-3', reason: 'other' }).expect(201);
  }, 60_000);
  beforeEach(() => problems.splice(0));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('when a moderator opens the Reported view, then the withdrawn comment shows its reports, deadline, time left and the author standing, and a reported held comment its reasons', async () => {
    const page = await signIn(browser.context, t.url, mod, problems);
    await page.click('#reported-tab');
    await page.waitForSelector(`.queue-item[data-id="${reportedId}"]`);
    expect(await page.locator('.queue-item').count()).toBe(2);
    expect(await page.textContent('#queue-count')).toBe('2');
    await page.click(`.queue-item[data-id="${reportedId}"]`);
    const detail = page.locator('#detail');
    await detail.locator('.report').first().waitFor();
    expect(await detail.locator('.badge.withdrawn').count()).toBe(1);
    expect(await detail.locator('.badge.urgent').count()).toBe(1);
    expect(await detail.locator('.time-left').textContent()).toMatch(/^3 j 5\d m lagi$/);
    expect(await detail.locator('.due-at').textContent()).toMatch(/^Tenggat /);
    // each report with its Pasal 10 state and its deadline
    expect(await detail.locator('.report').allTextContents()).toEqual([expect.stringMatching(/^diterima · tenggat .+ hoaks\.riot — ajakan kerusuhan \(r-1, /), expect.stringMatching(/^diterima · tenggat .+ other \(r-2, /)]);
    expect(await detail.locator('.report-state.received').count()).toBe(2);
    await detail.locator('.standing').waitFor();
    expect(await detail.locator('.standing').textContent()).toMatch(/^disetujui 0 · ditahan 1 · ditolak 0 \(7 hari\)/);
    expect(await detail.locator('.no-rule').textContent()).toMatch(/laporan pembaca/);
    // the original text, never the masked one, with the matched words marked, and the law in force
    await page.click(`.queue-item[data-id="${heldReportedId}"]`);
    await detail.locator('mark.hit').first().waitFor();
    expect(await detail.locator('.comment-text').textContent()).toBe('awas lu gue habisi nanti malam');
    expect(await detail.locator('.legal').first().textContent()).toMatch(/UU/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('when the dashboard is opened, then the chart is drawn from the locally served library and the CSV downloads with the token', async () => {
    const page = await signIn(browser.context, t.url, mod, problems);
    await page.click('#dashboard-tab');
    const canvas = page.locator('#decisions-chart[data-ready="true"]');
    await canvas.waitFor({ timeout: 10_000 });
    expect(Number(await canvas.getAttribute('data-categories'))).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate('typeof window.Chart')).toBe('function');
    expect(await page.locator('#figures dd').first().textContent()).toMatch(/^\d+$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-download')]);
    expect(download.suggestedFilename()).toMatch(/^kepatuhan-kabar-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/,/);
    expect(csv).not.toMatch(/unauthorized|"error"/i);
    await page.screenshot({ path: screenshotFile('dashboard.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('when the moderator rejects the reported comment, then it leaves the Reported view', async () => {
    const page = await signIn(browser.context, t.url, mod, problems);
    await page.click('#reported-tab');
    await page.click(`.queue-item[data-id="${reportedId}"]`);
    await page.click('#detail #reject');
    await page.locator(`.queue-item[data-id="${reportedId}"]`).waitFor({ state: 'detached' });
    expect((await t.store.models.Comment.findById(reportedId).lean())?.status).toBe('rejected');
    await page.close();
  });

  it('when the service restarts, then the page says it is reconnecting (not refused) and the stream comes back with what happened meanwhile', async () => {
    const page = await signIn(browser.context, t.url, mod, problems);
    const port = Number(new URL(t.url).port);
    const dbName = t.dbName;
    // stop the service; its database stays (tests never drop theirs: tests/support/db.ts)
    await t.close();
    await page.waitForSelector('#conn[data-state="reconnecting"]');
    expect(await page.textContent('#conn')).toBe('menyambung ulang…');
    t = await startLiveInstance({ label: 'web_reported', dbName, port });
    const whileAway = await t.submit(site, aHeldComment({ author: { id: 'pembaca-8', name: 'Delapan' } }));
    await page.waitForSelector('#conn.on', { timeout: 20_000 });
    await page.waitForSelector(`.queue-item[data-id="${whileAway.id}"]`);
    const later = await t.submit(site, aHeldComment({ author: { id: 'pembaca-6', name: 'Enam' } }));
    await page.waitForSelector(`.queue-item[data-id="${later.id}"]`);
    await page.close();
  }, 60_000);

  it('when a ministry take-down order arrives while the desk is open, then the desk says so and the withdrawn comment enters the queue', async () => {
    const page = await signIn(browser.context, t.url, mod, problems);
    await page.waitForSelector('#conn.on');
    const published = await t.submit(site, aComment({ text: 'Pendapat saya soal kebijakan ini berbeda.', author: { id: 'pembaca-5', name: 'Lima' } }));
    expect(published.status).toBe('approved');
    await request(t.app).post('/v1/takedown-orders').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ orderNumber: 'WEB-1', issuer: 'Komdigi', urgent: true, items: [{ commentId: published.id }] }).expect(201);
    await page.waitForSelector('#toast:not([hidden])');
    expect(await page.textContent('#toast')).toBe('Perintah take-down WEB-1: 1 komentar ditarik, batas 4 jam.');
    await page.waitForSelector(`.queue-item[data-id="${published.id}"]`);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
