import type { ServiceRequestPage, WishPage } from '@linli/shared';
import { apiAs, loginAs, openPage, visible } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * Residents ask for help and claim wishes (H5 in Chromium): a resident asks for 陪诊 on a phone, the committee
 * accepts and assigns it at a desk, it is done and the resident confirms it; two residents tap 认领 on one wish
 * at the same moment and exactly one gets it. Screenshots under e2e/artifacts/help-<db>/.
 */
describe('service requests and 微心愿 (H5 in Chromium)', () => {
  let server: RunningServer;
  let phone: Phone;
  let other: Phone;
  let desk: Phone;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    phone = await openPhone(`help-${server.databaseKind}`);
    other = await openPhone(`help-${server.databaseKind}-second-phone`);
    desk = await openPhone(`help-${server.databaseKind}-desk`);
    await desk.page.setViewportSize({ width: 1366, height: 900 });
    for (const p of [phone, other, desk]) p.page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    for (const p of [phone, other, desk]) await p?.close();
    await server?.stop();
  });

  it('asks for 陪诊 in two taps, and follows it to a confirmed, rated request', async () => {
    await loginAs(phone.page, server.baseUrl, 'resident');
    await openPage(phone.page, server.baseUrl, 'askForHelp');
    await phone.page.locator(visible('#ask-category')).getByText('陪诊').click();
    await phone.shot('ask-for-help');
    await phone.page.locator(visible('#ask-submit')).click();
    await phone.page.getByText('已经告诉社区了').waitFor();
    await phone.shot('asked');

    const queue = await apiAs<ServiceRequestPage>(server.baseUrl, 'committee', 'GET', '/service-requests?view=community&state=submitted&category=escort');
    const asked = queue.items.find((r) => r.details === '需要陪诊，请社区联系我')!;
    await loginAs(desk.page, server.baseUrl, 'committee');
    await openPage(desk.page, server.baseUrl, 'staffServiceRequests');
    await desk.page.locator(visible(`#request-table-row-${asked.id}`)).waitFor();
    await desk.shot('staff-queue');
    await desk.page.locator(visible(`#request-accept-${asked.id}`)).click();
    await desk.page.getByText('已受理，居民会收到通知').waitFor();
    await desk.page.locator(visible(`#request-assign-${asked.id}`)).click();
    await desk.page.locator(visible('#assign-choices')).getByText('我自己去').click();
    await desk.shot('assign');
    await desk.page.locator(visible('#assign-confirm')).click();
    await desk.page.getByText('已派单，居民和服务人员都会收到通知').waitFor();
    await apiAs(server.baseUrl, 'committee', 'POST', `/service-requests/${asked.id}/start`);
    await apiAs(server.baseUrl, 'committee', 'POST', `/service-requests/${asked.id}/done`, { note: '已陪张阿姨看完眼科' });

    await openPage(phone.page, server.baseUrl, 'myServiceRequests');
    await phone.page.locator(visible(`#request-${asked.id}`)).getByText('已办好，请您确认').waitFor();
    await phone.shot('my-requests');
    await phone.page.locator(visible(`#request-confirm-${asked.id}`)).click();
    await phone.page.locator(visible('#request-rating')).getByText('5分').click();
    await phone.page.locator(visible('#request-dialog-confirm')).click();
    await phone.page.getByText('谢谢您的评价').waitFor();
    await phone.page.locator(visible(`#request-${asked.id}`)).getByText('已完成').waitFor();
    await phone.shot('confirmed');
    expect(pageErrors).toEqual([]);
  });

  it('gives a wish to exactly one of two residents tapping 认领 at once', async () => {
    const wishes = await apiAs<WishPage>(server.baseUrl, 'resident', 'GET', '/wishes?state=published');
    const wish = wishes.items[0];
    await loginAs(other.page, server.baseUrl, 'resident2');
    for (const p of [phone, other]) {
      await openPage(p.page, server.baseUrl, 'wishes');
      await p.page.locator(visible(`#wish-claim-${wish.id}`)).click();
      await p.page.locator(visible('#wish-claim-confirm')).waitFor();
    }
    await phone.shot('wish-claim-confirm');
    await Promise.all([phone.page.locator(visible('#wish-claim-confirm')).click(), other.page.locator(visible('#wish-claim-confirm')).click()]);
    const outcome = async (p: Phone) =>
      (await p.page.locator(visible('#wish-notice')).textContent({ timeout: 15_000 }))?.includes('认领成功') ? 'won' : 'lost';
    const results = await Promise.all([outcome(phone), outcome(other)]);
    expect([...results].sort()).toEqual(['lost', 'won']);
    const loser = results[0] === 'lost' ? phone : other;
    expect(await loser.page.locator(visible('#wish-notice')).textContent()).toContain('这个心愿刚刚已经被别人认领了');
    await loser.shot('wish-taken');
    expect(pageErrors).toEqual([]);
  });
});
