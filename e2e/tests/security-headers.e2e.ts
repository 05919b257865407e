import { loginAs, openTab, visible as v } from '../support/app.js';
import { openPhone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * The H5 app runs under the server's Content-Security-Policy (every journey fails on a violation; this one
 * also proves the check catches one), with its favicon and precompressed bundles.
 */
describe('security headers in Chromium', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('logs in and opens every tab with no CSP violation', async () => {
    const phone = await openPhone('security-headers');
    const responses: { url: string; encoding: string | undefined }[] = [];
    phone.page.on('response', (r) => responses.push({ url: r.url(), encoding: r.headers()['content-encoding'] }));
    await loginAs(phone.page, server.baseUrl, 'resident');
    for (const tab of ['活动', '议事', '我的', '首页'] as const) {
      await openTab(phone.page, tab);
      await phone.page.locator(v('.taro_page')).first().waitFor();
    }
    const icon = await phone.page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href);
    expect((await fetch(icon!)).status).toBe(200);
    const bundle = responses.find((r) => /\/js\/app\.[0-9a-f]+\.js$/.test(r.url));
    expect(bundle?.encoding).toBe('br');
    await phone.close();
  });

  it('fails a journey whose page breaks the policy', async () => {
    const phone = await openPhone('security-headers-broken');
    await phone.page.goto(`${server.baseUrl}/`);
    await phone.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = 1';
      document.head.append(script);
    });
    await phone.page.waitForTimeout(200);
    expect(await phone.page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    await expect(phone.close()).rejects.toThrow(/script-src-elem blocked inline/);
  });
});
