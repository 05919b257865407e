import type { Page } from 'playwright-core';
import { loginAs, openPage, visible } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * A desk (1366×900) logs in without a demo persona: it shows a QR, a committee member's phone (390×844) opens the
 * confirm link and taps 确认登录, and the desk enters the app as that member. Screenshots under
 * e2e/artifacts/desk-login-<db>/ (desk-*) and desk-login-phone-<db>/.
 */
describe('desk login by scanning with a staff phone (H5 in Chromium)', () => {
  let server: RunningServer;
  let desk: Phone;
  let phone: Phone;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    desk = await openPhone(`desk-login-${server.databaseKind}`);
    phone = await openPhone(`desk-login-phone-${server.databaseKind}`);
    await desk.page.setViewportSize({ width: 1366, height: 900 });
    await phone.page.setViewportSize({ width: 390, height: 844 });
    for (const page of [desk.page, phone.page]) page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.stop();
  });

  it('shows the QR at the desk, is confirmed on the phone, and the desk is then logged in as the committee member', async () => {
    const page: Page = desk.page;
    // A fresh profile: nobody is logged in at this desk.
    await openPage(page, server.baseUrl, 'login', { from: 'mine' });
    // The demo server allows personas, so the desk way is one button away (production shows the QR at once).
    const asked = page.waitForResponse((r) => r.url().endsWith('/api/desk-logins') && r.request().method() === 'POST');
    await page.locator(visible('#desk-login-switch')).click();
    const ticket = (await (await asked).json()) as { link: string; label: string };
    await page.locator(visible('#desk-login-qr')).waitFor();
    await page.locator(visible('#desk-login-countdown')).getByText(/秒内有效/).waitFor();
    expect(ticket.link).toMatch(new RegExp(`^${server.baseUrl}/#/packages/staff/desk-confirm/index\\?scene=d%3D[A-Za-z0-9_-]{22}$`));
    await desk.shot('desk-qr');

    // The phone: logged in as committee staff, opens the link the QR carries.
    await loginAs(phone.page, server.baseUrl, 'committee');
    await phone.page.goto(ticket.link);
    await phone.page.reload();
    await phone.page.locator(visible('#desk-confirm-label')).getByText(ticket.label).waitFor();
    await phone.shot('confirm');
    await phone.page.locator(visible('#desk-confirm-yes')).click();
    await phone.page.locator(visible('#desk-confirm-result')).getByText('电脑已登录').waitFor();
    await phone.shot('confirmed');

    // The desk notices within a poll and enters the app as the committee member.
    await page.waitForURL(/pages\/mine/, { timeout: 15_000 });
    await page.locator(visible('#mine-desk-sessions')).waitFor();
    await desk.shot('desk-logged-in');

    // 我的 → 已登录的电脑 on the phone lists the desk; 退出 (after confirming) signs it out.
    await openPage(phone.page, server.baseUrl, 'deskSessions');
    await phone.page.reload();
    const row = phone.page.locator(visible('#desk-sessions')).locator('[id^="desk-session-revoke-"]').first();
    await row.waitFor();
    await phone.shot('desk-sessions');
    await row.click();
    await phone.page.locator(visible('#desk-session-revoke-confirm')).click();
    await phone.page.locator(visible('#desk-sessions')).getByText('没有已登录的电脑').waitFor();

    // The desk's next request is refused, and it is sent back to log in.
    await openPage(page, server.baseUrl, 'mine');
    await page.reload();
    await page.waitForURL(/pages\/login/, { timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  });
});
