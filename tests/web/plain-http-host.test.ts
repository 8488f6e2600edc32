import request from 'supertest';
import { createPrincipal, createSite } from '../support/app';
import { launchChromium } from '../support/browser';
import { startLiveInstance, type LiveInstance } from '../support/live';

/**
 * The desk behind a plain-HTTP host name (an intranet proxy, docker-compose):
 * helmet's default `upgrade-insecure-requests` made the browser fetch the
 * page's CSS and JS over https, and the bare page then sent the sign-in form
 * as a GET with the token in the URL.
 */
describe('the moderator page on a plain-HTTP host name', () => {
  let a: LiveInstance;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let mod: string;

  beforeAll(async () => {
    browser = await launchChromium({ args: ['--host-resolver-rules=MAP saring.intranet 127.0.0.1'] });
    a = await startLiveInstance({ label: 'web_host' });
    await createSite(a.app, 'harian-contoh');
    mod = await createPrincipal(a.app, 'moderator', ['harian-contoh']);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await a?.close();
  });

  it('when the CSP is read, then it does not ask the browser to upgrade requests to https', async () => {
    const res = await request(a.app).get('/moderator').expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('when opened as http://saring.intranet, then styles and scripts load, sign-in works and the token never enters the URL', async () => {
    const port = new URL(a.url).port;
    const base = `http://saring.intranet:${port}`;
    const page = await browser.context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(`${base}/moderator`);
    await page.fill('#token', mod);
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('#conn.on');
    expect(failed).toEqual([]);
    expect(urls.filter((u) => u.startsWith('https:'))).toEqual([]);
    // the stylesheet applied: the header is dark, not the browser's default
    expect(await page.evaluate('getComputedStyle(document.querySelector("header.top")).backgroundColor')).not.toBe('rgba(0, 0, 0, 0)');
    expect(page.url()).not.toContain(mod);
    expect(urls.some((u) => u.includes(mod))).toBe(false);
    await page.close();
  });

  it('when the scripts cannot run, then submitting the sign-in form does not put the token in the URL', async () => {
    const page = await browser.context.newPage();
    await page.route('**/*.mjs', (route) => route.abort());
    await page.goto(`${a.url}/moderator`);
    await page.fill('#token', mod);
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForTimeout(300);
    expect(page.url()).not.toContain(mod);
    expect(page.url()).not.toContain('token=');
    await page.close();
  });
});
