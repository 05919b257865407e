import type { ConsoleMessage, Page } from 'playwright-core';
import { apiAs, loginAs, openPage, openTab, visible as v } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/**
 * The H5 build outside WeChat: WeChat-only APIs (privacy consent, subscribe messages, file sharing, …) are missing,
 * and Taro H5 answers a call to one by *pretending it worked* with a console warning "暂时不支持 API". So every
 * page a resident uses is visited with the console watched: no such call may happen, no page may throw, and the
 * WeChat privacy prompt never appears. Then 我的 → 隐私说明, 修改昵称 and 我的数据: the export downloads as a JSON file, and
 * deleting the account ends on a result screen with the user logged out.
 */
describe('privacy and the H5 build without WeChat (Chromium)', () => {
  let server: RunningServer;
  let phone: Phone;
  let page: Page;
  let activityId: number;
  let pollId: number;
  const pageErrors: string[] = [];
  const unsupportedCalls: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    phone = await openPhone(`privacy-h5-journey-${server.databaseKind}`);
    page = phone.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message: ConsoleMessage) => {
      if (message.text().includes('暂时不支持')) unsupportedCalls.push(`${page.url()}: ${message.text()}`);
    });
    const { items } = await apiAs<{ items: { id: number; name: string }[] }>(server.baseUrl, 'committee', 'GET', '/communities');
    const xingfuli = items.find((c) => c.name === '幸福里社区')!.id;
    const created = await apiAs<{ id: number }>(server.baseUrl, 'committee', 'POST', '/activities', {
      communityId: xingfuli,
      title: '剪纸体验课',
      category: 'culture_sports',
      place: '幸福里社区活动室',
      startsAt: minutes(24 * 60),
      endsAt: minutes(26 * 60),
      signupOpensAt: minutes(-60),
      signupClosesAt: minutes(23 * 60),
      cancelDeadline: minutes(23 * 60),
      seats: 10,
      companionsAllowed: 1,
    });
    activityId = created.id;
    await apiAs(server.baseUrl, 'committee', 'POST', `/activities/${activityId}/publish`);
    const poll = await apiAs<{ id: number }>(server.baseUrl, 'committee', 'POST', '/polls', {
      communityId: xingfuli,
      title: '楼道加装感应灯',
      background: '<p>楼道夜间太暗，提议加装感应灯。</p>',
      questions: [{ title: '您是否同意？', options: [{ label: '同意' }, { label: '不同意' }] }],
      opensAt: minutes(-1),
      closesAt: minutes(48 * 60),
    });
    pollId = poll.id;
    await apiAs(server.baseUrl, 'committee', 'POST', `/polls/${pollId}/open`);
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  const el = (selector: string) => page.locator(v(selector));

  it('lets a resident use every main page without calling a WeChat-only API', async () => {
    await loginAs(page, server.baseUrl, 'resident2');
    await openTab(page, '活动');
    // Scoped to the 活动 list: right after the tab is tapped, 首页's feed (which shows the same card) can still be the visible page.
    await el(`#activity-list #activity-${activityId}`).click();
    await el('#activity-main-action').click();
    await el('#signup-confirm').click();
    await el('#signup-result').waitFor();
    await phone.shot('signed-up');

    await openPage(page, server.baseUrl, 'poll', { id: pollId });
    await el('#poll-vote').waitFor();
    await phone.shot('poll');

    await openPage(page, server.baseUrl, 'mine');
    await el('#mine-privacy').click();
    await el('#privacy-fields').waitFor();
    for (const field of ['openid', 'real-name', 'home', 'companions', 'votes', 'phone']) await el(`#privacy-field-${field}`).waitFor();
    await phone.shot('privacy-policy');

    expect(await page.locator('#privacy-agree').count()).toBe(0);
    expect(unsupportedCalls).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('changes my nickname from 我的, in one box and one button', async () => {
    await openPage(page, server.baseUrl, 'mine');
    await el('#mine-nickname-edit').click();
    await el('#nickname-input').waitFor();
    await phone.shot('nickname');
    await el('#nickname-input input').fill('李叔叔家');
    await el('#nickname-save').click();
    await el('#nickname-saved').getByText('昵称已修改').waitFor();
    await phone.shot('nickname-saved');
    await el('#nickname-done').click();
    await el('#mine-nickname').getByText('李叔叔家').waitFor();
    expect(unsupportedCalls).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('downloads my data as a JSON file, then deletes my account after a confirmation', async () => {
    await openPage(page, server.baseUrl, 'mine');
    await el('#mine-my-data').click();
    await el('#my-data-export-button').waitFor();
    await phone.shot('my-data');

    const [download] = await Promise.all([page.waitForEvent('download'), el('#my-data-export-button').click()]);
    expect(download.suggestedFilename()).toMatch(/^邻里共治-我的数据-\d{4}-\d{2}-\d{2}\.json$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const data = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { profile: { nickname: string }; signups: { activity: { title: string } }[] };
    expect(data.profile.nickname).toBe('李叔叔家');
    expect(data.signups.map((s) => s.activity.title)).toContain('剪纸体验课');
    await el('#my-data-exported').getByText('已下载').waitFor();
    await phone.shot('my-data-exported');

    await el('#my-data-delete-button').click();
    await el('#my-data-delete-confirm').waitFor();
    await phone.shot('delete-confirm');
    await el('#my-data-delete-confirm').click();
    await el('#account-deleted').getByText('账号已注销').waitFor();
    await phone.shot('account-deleted');

    // The activity is still to come: its seat goes back as a cancellation's would, and the sign-up names nobody.
    const detail = await apiAs<{ seatsTaken: number }>(server.baseUrl, 'committee', 'GET', `/activities/${activityId}`);
    expect(detail.seatsTaken).toBe(0);
    const attendees = await apiAs<{ items: { user: { nickname: string }; status: string }[] }>(server.baseUrl, 'committee', 'GET', `/activities/${activityId}/signups`);
    expect(attendees.items.map((a) => [a.user.nickname, a.status])).toEqual([['已注销用户', 'cancelled']]);

    await el('#account-deleted-done').click();
    await page.waitForURL(/pages\/login/);
    await page.locator(v('#persona-resident')).waitFor();
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('李叔叔');
    expect(unsupportedCalls).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
