import type { ConsoleMessage, Page } from 'playwright-core';
import { loginAs, openPage, openTab, visible as v } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * The 15-minute service circle in the H5 build: a resident finds the service points nearest home (no map in H5,
 * no WeChat-only call), in normal and 大字模式; the committee adds a point at a desk (1366×900). Screenshots under
 * e2e/artifacts/service-circle-<db>/.
 */
describe('the 15-minute service circle (H5 in Chromium)', () => {
  let server: RunningServer;
  let phone: Phone;
  let page: Page;
  const pageErrors: string[] = [];
  const unsupportedCalls: string[] = [];
  const el = (selector: string) => page.locator(v(selector));

  beforeAll(async () => {
    server = await startServer();
    phone = await openPhone(`service-circle-${server.databaseKind}`);
    page = phone.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message: ConsoleMessage) => {
      if (message.text().includes('暂时不支持')) unsupportedCalls.push(`${page.url()}: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  /** Text of the 身边服务 page set smaller than `min` CSS pixels, as "size class text" (empty when all is big enough). */
  const smallText = (min: number) =>
    page.evaluate((limit) => {
      const small: string[] = [];
      // Taro H5 keeps earlier pages in the document: measure the one showing the cards.
      const card = [...document.querySelectorAll<HTMLElement>('.circle-card')].find((c) => c.offsetParent !== null)!;
      for (const node of card.closest('.ll-root')!.querySelectorAll('*')) {
        const element = node as HTMLElement;
        const text = [...element.childNodes]
          .filter((c) => c.nodeType === Node.TEXT_NODE)
          .map((c) => c.textContent!.trim())
          .join('');
        if (!text || element.offsetParent === null) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < limit) small.push(`${size} ${element.className} ${text.slice(0, 20)}`);
      }
      return small;
    }, min);

  it('shows a resident the points nearest home, nearest first, with open or closed in words and a call button', async () => {
    await loginAs(page, server.baseUrl, 'resident');
    await openTab(page, '我的');
    await el('#mine-nearby').click();
    const first = el('.circle-card').first();
    await first.getByText('和平街道社会工作服务站').waitFor();
    expect(await el('#circle-origin').innerText()).toContain('从幸福里社区算起');
    const cards = await el('.circle-card').allInnerTexts();
    expect(cards.length).toBeGreaterThanOrEqual(10);
    for (const card of cards) {
      expect(card).toMatch(/营业中|已休息/);
      expect(card).toMatch(/步行约\d+分钟（约[\d.]+(米|公里)）/);
      expect(card).toMatch(/今天/);
    }
    expect(await first.getByText(/^打电话/).count()).toBe(1);
    // H5: no map (no tiles reachable) and no position (a browser's is not GCJ-02): the list from home only.
    expect(await page.locator('#circle-map').count()).toBe(0);
    expect(await page.locator('#circle-locate').count()).toBe(0);
    expect(await smallText(18)).toEqual([]);
    await phone.shot('resident-nearby');

    await page.goBack();
    await el('#elder-mode-toggle').click();
    await el('#mine-nearby').click();
    await el('.circle-card').first().getByText('和平街道社会工作服务站').waitFor();
    expect(await smallText(22)).toEqual([]);
    await phone.shot('resident-nearby-elder');
    await page.goBack();
    await el('#elder-mode-toggle').click();
    expect(unsupportedCalls).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('lets the committee add a point at a desk, and residents see it', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAs(page, server.baseUrl, 'committee');
    await openPage(page, server.baseUrl, 'staffServicePoints');
    await page.reload();
    await el('#point-table').getByText('幸福里老年食堂').waitFor();
    await phone.shot('staff-points-table');

    await el('#point-new').click();
    await el('#point-name').locator('input').fill('幸福里助浴点');
    await el('#point-address').locator('input').fill('和平路88号2栋一楼');
    await el('#point-lat').locator('input').fill('25.0402');
    await el('#point-lng').locator('input').fill('102.7101');
    await el('#point-phone').locator('input').fill('0871-65550109');
    await el('#point-kind').getByText('居家养老服务中心').click();
    await el('#point-day-1').locator('input').fill('09:00-11:30 14:30-17:00');
    await el('#point-copy-monday').click();
    await phone.shot('staff-point-form');
    await el('#point-save').click();
    await page.getByText('已保存“幸福里助浴点”').waitFor();
    await el('#point-table').getByText('幸福里助浴点').waitFor();

    await page.setViewportSize({ width: 375, height: 812 });
    await loginAs(page, server.baseUrl, 'resident');
    await openPage(page, server.baseUrl, 'nearbyServices');
    await page.reload();
    // 22 m from the community's centre: the nearest of all.
    await el('.circle-card').first().getByText('幸福里助浴点').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
