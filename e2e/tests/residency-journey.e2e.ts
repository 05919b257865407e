import type { Page } from 'playwright-core';
import { loginAs as login, openPage, openTab as tab, visible } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * The first journey: a newcomer logs in, claims a household, the committee approves it, the newcomer sees
 * themself verified. Every page visited is saved as a screenshot under e2e/artifacts/residency-journey/.
 */
describe('residency journey (H5 in Chromium)', () => {
  let server: RunningServer;
  let phone: Phone;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    phone = await openPhone(`residency-journey-${server.databaseKind}`);
    page = phone.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  const loginAs = (persona: string) => login(page, server.baseUrl, persona);
  const openTab = (label: '首页' | '活动' | '议事' | '我的') => tab(page, label);

  it('takes a newcomer from login to verified resident, with the committee approving', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(/pages\/login/);
    await page.locator('#persona-newcomer').waitFor();
    await phone.shot('login');

    await page.locator('#persona-newcomer').click();
    await page.waitForURL(/pages\/home/);
    await page.locator('#home-claim').waitFor();
    await phone.shot('home-newcomer');

    await openTab('我的');
    await page.locator('#residency-status').getByText('认证我的住户').waitFor();
    await phone.shot('mine-newcomer');

    await page.locator('#residency-status').getByText('认证我的住户').click();
    await page.locator('#claim-community').getByText('幸福里社区').waitFor();
    await phone.shot('claim-community');
    await page.locator('#claim-community').getByText('幸福里社区').click();
    await page.locator('#claim-building').getByText('4栋', { exact: true }).click();
    await page.locator('#claim-unit').getByText('1单元', { exact: true }).click();
    await phone.shot('claim-room');
    await page.locator('#claim-room').getByText('302', { exact: true }).click();
    await page.locator('#claim-realname input').fill('周明');
    await phone.shot('claim-name');
    await page.locator('#claim-submit').click();
    await page.getByText('已提交，居委会审核后会通知您').waitFor();
    await phone.shot('claim-submitted');

    await page.locator('#claim-done').click();
    await page.locator('#residency-status').getByText('待审核').waitFor();
    await phone.shot('mine-pending');
    await page.locator('#logout').click();

    await loginAs('committee');
    await page.locator('#home-staff-entry').click();
    await page.locator(visible('#staff-tool-claims')).click();
    const card = page.locator('.staff-claim', { hasText: '周明' });
    await card.waitFor();
    await phone.shot('staff-pending');
    await card.getByText('通过', { exact: true }).click();
    await page.getByText('确认通过', { exact: true }).waitFor();
    await phone.shot('staff-confirm');
    await page.getByText('确认通过', { exact: true }).click();
    await card.locator('.ll-chip', { hasText: '已认证' }).waitFor();
    await phone.shot('staff-approved');

    await openPage(page, server.baseUrl, 'mine');
    await page.locator('#logout').click();
    await loginAs('newcomer');
    await openTab('我的');
    const status = page.locator('#residency-status');
    await status.getByText('已认证').waitFor();
    expect(await status.innerText()).toContain('幸福里社区');
    await phone.shot('mine-verified');

    expect(pageErrors).toEqual([]);
  });

  it('reads large and grows larger in 大字模式, as an elderly resident needs', async () => {
    await loginAs('resident');
    await openTab('我的');
    await page.locator('#residency-status').getByText('已认证').waitFor();
    const measure = () =>
      page.evaluate(() => {
        const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
        const height = (el: Element | null) => (el ? el.getBoundingClientRect().height : 0);
        return {
          body: px(document.querySelector('#residency-status .ll-text')),
          button: height(document.querySelector('#elder-mode-toggle')),
          logout: height(document.querySelector('#logout')),
        };
      });
    const normal = await measure();
    expect(normal.body).toBeGreaterThanOrEqual(18);
    expect(Math.min(normal.button, normal.logout)).toBeGreaterThanOrEqual(44);

    await page.locator('#elder-mode-toggle').click();
    await page.locator('#elder-mode').getByText('已打开').waitFor();
    const elder = await measure();
    expect(elder.body).toBeGreaterThanOrEqual(22);
    expect(Math.min(elder.button, elder.logout)).toBeGreaterThanOrEqual(60);
    await phone.shot('mine-elder-mode');

    // The setting is kept: it is still on after a reload.
    await page.reload();
    await page.locator('#elder-mode').getByText('已打开').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
