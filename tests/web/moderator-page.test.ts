import request from 'supertest';
import { ADMIN_TOKEN, createPrincipal, createSite } from '../support/app';
import { launchChromium, signIn } from '../support/browser';
import { screenshotFile } from '../support/screenshots';
import { aHeldComment } from '../support/held';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { waitUntil } from '../support/wait';

describe('the moderator page in a real browser', () => {
  let a: LiveInstance;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let site: string;
  let mod: string;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    a = await startLiveInstance({ label: 'web' });
    site = (await createSite(a.app, 'harian-contoh')).token;
    mod = await createPrincipal(a.app, 'moderator', ['harian-contoh']);
  }, 60_000);
  beforeEach(() => problems.splice(0));
  afterAll(async () => {
    await browser?.close();
    await a?.close();
  });

  it('when a held comment arrives, then it appears live, is approved with the keyboard, and a second page sees the new status', async () => {
    const first = await signIn(browser.context, a.url, mod, problems);
    const second = await signIn(browser.context, a.url, ADMIN_TOKEN, problems);
    const older = await a.submit(site, aHeldComment({ text: 'Awas lu gue habisi kalau ketemu di jalan!', articleTitle: 'Banjir di Jakarta Utara', articleUrl: 'https://contoh.id/banjir', author: { id: 'pembaca-9', name: 'Budi' } }));
    const xss = await a.submit(site, aHeldComment({ text: '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> awas lu gue habisi', author: { id: 'pembaca-9', name: 'Budi' } }));

    await first.waitForSelector(`.queue-item[data-id="${older.id}"]`);
    await first.waitForSelector(`.queue-item[data-id="${xss.id}"]`);
    await second.waitForSelector(`.queue-item[data-id="${older.id}"]`);
    await first.waitForSelector('.history li');
    await first.screenshot({ path: screenshotFile('moderator.png') });

    // the markup arrives as text: no element was made from it and nothing ran
    const shown = await first.textContent(`.queue-item[data-id="${xss.id}"] .excerpt`);
    expect(shown).toContain('<script>window.__pwned=1</script><img src=x onerror=');
    expect(await first.locator('#queue-list img, #queue-list script, #detail img').count()).toBe(0);
    expect(await first.evaluate('typeof window.__pwned')).toBe('undefined');

    // j/k move the selection; the most urgent (here: the oldest) comment is selected first
    expect(await first.getAttribute('.queue-item.selected', 'data-id')).toBe(older.id);
    await first.keyboard.press('j');
    expect(await first.getAttribute('.queue-item.selected', 'data-id')).toBe(xss.id);
    await first.keyboard.press('k');
    expect(await first.getAttribute('.queue-item.selected', 'data-id')).toBe(older.id);
    expect(await first.textContent('#detail mark.hit')).toMatch(/habisi/i);
    expect(await first.textContent('#detail .legal')).toMatch(/UU ITE/);

    await first.keyboard.press('a');
    await first.waitForSelector(`.queue-item[data-id="${older.id}"]`, { state: 'detached' });
    // the second page had it selected: it stays there, marked as decided, until the moderator moves on
    await second.waitForSelector(`.queue-item.gone.selected[data-id="${older.id}"]`);
    expect(await second.textContent(`#recent-list li[data-id="${older.id}"] .badge`)).toBe('disetujui');
    await second.keyboard.press('j');
    await second.waitForSelector(`.queue-item[data-id="${older.id}"]`, { state: 'detached' });
    expect(await second.getAttribute('.queue-item.selected', 'data-id')).toBe(xss.id);
    const stored = await request(a.app).get(`/v1/comments/${older.id}`).set('Authorization', `Bearer ${mod}`);
    expect(stored.body).toMatchObject({ status: 'approved', revision: 1 });
    expect(problems).toEqual([]);
    await Promise.all([first.close(), second.close()]);
  });

  it('when an admin opens the rules page, then files list, a broken edit shows its issue inline, and a tried comment shows its decision', async () => {
    const page = await signIn(browser.context, a.url, ADMIN_TOKEN, problems);
    await page.click('#rules-tab');
    await page.waitForSelector('button[data-name="ancaman.yaml"]');
    await page.click('button[data-name="ancaman.yaml"]');
    // (a string predicate would be eval'd in the page, which its CSP rightly forbids)
    await waitUntil(async () => (await page.inputValue('#rule-editor')).includes('category:'), { what: 'the rule file in the editor' });
    await page.fill('#rule-editor', 'category: ancaman.violence\nrules: 12\n');
    await page.click('#rule-validate');
    await page.waitForSelector('#rule-issues li.error', { timeout: 20_000 });
    expect(await page.textContent('#rule-issues')).toContain('ancaman.yaml');
    await page.fill('#try-text', 'Dasar anjing lu, goblok!');
    await page.click('#try-run');
    await page.waitForSelector('#try-result mark.hit', { timeout: 20_000 });
    expect(await page.getAttribute('#try-result .badge', 'data-status')).toMatch(/approved|pending|rejected/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('when a wrong token is used, then sign-in says so and nothing else is shown', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${a.url}/moderator`);
    await page.fill('#token', 'sar_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB');
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('#sign-in-error:has-text("tidak dikenal")');
    expect(await page.isHidden('#queue-view')).toBe(true);
    await page.close();
  });

  it('when a site token is used, then sign-in refuses it instead of showing an empty queue', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${a.url}/moderator`);
    await page.fill('#token', site);
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('#sign-in-error:has-text("token situs")');
    expect(await page.isHidden('#queue-view')).toBe(true);
    await page.close();
  });

  it('when the service root is opened, then it leads to the desk', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${a.url}/`);
    expect(new URL(page.url()).pathname).toBe('/moderator');
    await page.goto(`${a.url}/moderator/reported`);
    expect(new URL(page.url()).hash).toBe('#reported');
    await page.close();
  });

  it('when the language is switched, then the labels are English and stay so after a reload', async () => {
    const page = await signIn(browser.context, a.url, mod, problems);
    expect(await page.textContent('#queue-tab')).toBe('Antrean');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.click('#lang-switch');
    expect(await page.textContent('#queue-tab')).toBe('Queue');
    expect(await page.textContent('#conn')).toBe('live');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.waitForSelector('#conn.on');
    expect(await page.textContent('#reported-tab')).toBe('Reported');
    await page.click('#lang-switch');
    expect(await page.textContent('#reported-tab')).toBe('Dilaporkan');
    expect(problems).toEqual([]);
    await page.close();
  });
});
