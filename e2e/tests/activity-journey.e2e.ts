import type { Page } from 'playwright-core';
import { apiAs, loginAs, openPage, openTab, visible as v } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** An activity open for sign-up now and starting in 30 minutes, so check-in is already open. */
function activityBody(communityId: number, title: string, seats: number, companionsAllowed: number) {
  return {
    communityId,
    title,
    category: 'elderly_care',
    place: '幸福里社区服务站一楼',
    description: '社区医院的医生为老人量血压、测血糖，提供健康咨询。',
    startsAt: minutes(30),
    endsAt: minutes(150),
    signupOpensAt: minutes(-60),
    signupClosesAt: minutes(25),
    cancelDeadline: minutes(20),
    seats,
    companionsAllowed,
    waitlistEnabled: true,
  };
}

/**
 * A resident signs up with a companion and sees the QR; the committee checks them in; a second resident is
 * waitlisted, the first cancels, the second is offered the seat and accepts.
 */
describe('activity journey (H5 in Chromium)', () => {
  let server: RunningServer;
  let phone: Phone;
  let page: Page;
  let clinic: number;
  let taichi: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    phone = await openPhone(`activity-journey-${server.databaseKind}`);
    page = phone.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const { items } = await apiAs<{ items: { id: number; name: string }[] }>(server.baseUrl, 'committee', 'GET', '/communities');
    const xingfuli = items.find((c) => c.name === '幸福里社区')!.id;
    for (const [title, seats, companions] of [['社区义诊', 4, 2], ['太极拳体验课', 1, 0]] as const) {
      const created = await apiAs<{ id: number }>(server.baseUrl, 'committee', 'POST', '/activities', activityBody(xingfuli, title, seats, companions));
      await apiAs(server.baseUrl, 'committee', 'POST', `/activities/${created.id}/publish`);
      if (title === '社区义诊') clinic = created.id;
      else taichi = created.id;
    }
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  const openActivity = async (id: number) => {
    await openPage(page, server.baseUrl, 'activityDetail', { id: id });
    await page.locator(v('#activity-main-action')).waitFor();
  };
  const el = (selector: string) => page.locator(v(selector));
  /** The sign-up result says what the server will really do about a reminder (its lead and time, or none so close to the start). */
  const SIGNED_UP = /已报名，(活动开始前.+（.+）会提醒您|活动马上开始，不再另行提醒)/;
  /** The result screen after an action, then back to the activity page. */
  async function expectResult(text: string | RegExp) {
    await el('#signup-result').getByText(text).waitFor();
    await phone.shot(`result-${typeof text === 'string' ? text.slice(0, 6) : 'signed-up'}`);
    await el('#result-done').click();
  }

  it('signs a resident up with a companion, shows the QR, and the committee checks them in', async () => {
    await loginAs(page, server.baseUrl, 'resident');
    await openTab(page, '活动');
    // In the 活动 list: right after the tab tap, 首页's feed (which shows the same card) can still be the visible page.
    await el(`#activity-list #activity-${clinic}`).waitFor();
    await phone.shot('activities');

    await el(`#activity-list #activity-${clinic}`).click();
    await el('#activity-main-action').waitFor();
    await phone.shot('activity-detail');
    await el('#activity-main-action').click();
    await el('#companion-add').click();
    await el('#companion-name-0 input').fill('张大爷');
    await el('#companion-relation-0 input').fill('老伴');
    await phone.shot('signup-sheet');
    await el('#signup-confirm').click();
    await expectResult(SIGNED_UP);
    await el('#my-signup-status').getByText('老伴').waitFor();

    const mine = await apiAs<{ items: { id: number; activityId: number; checkinCode: string; size: number }[] }>(server.baseUrl, 'resident', 'GET', '/me/signups');
    const signup = mine.items.find((s) => s.activityId === clinic)!;
    expect(signup.size).toBe(2);

    // The activity page is a subpackage page without the tab bar.
    await openPage(page, server.baseUrl, 'mine');
    await el('#mine-signups').click();
    await el(`#signup-qr-${signup.id}`).waitFor();
    expect(await el(`#signup-${signup.id}`).innerText()).toContain(signup.checkinCode);
    await phone.shot('my-signups-qr');

    await loginAs(page, server.baseUrl, 'committee');
    await openActivity(clinic);
    await el('#activity-checkin-qr').click();
    await el('#checkin-code input').fill(signup.checkinCode);
    await phone.shot('staff-checkin');
    await el('#checkin-submit').click();
    await el('#checkin-result').getByText('签到成功').waitFor();
    await phone.shot('staff-checked-in');
    const after = await apiAs<{ items: { activityId: number; status: string }[] }>(server.baseUrl, 'resident', 'GET', '/me/signups');
    expect(after.items.find((s) => s.activityId === clinic)!.status).toBe('attended');
  });

  it('waitlists the second resident, and offers them the seat the first gives up', async () => {
    await loginAs(page, server.baseUrl, 'resident');
    await openActivity(taichi);
    await el('#activity-main-action').click();
    await el('#signup-confirm').click();
    await expectResult('已报名');

    await loginAs(page, server.baseUrl, 'resident2');
    await openActivity(taichi);
    await el('#activity-main-action').getByText('候补').waitFor();
    await phone.shot('full-waitlist');
    await el('#activity-main-action').click();
    await el('#signup-confirm').click();
    await expectResult('您在候补第 1 位');

    await loginAs(page, server.baseUrl, 'resident');
    await openActivity(taichi);
    await el('#signup-cancel').click();
    await el('#signup-cancel-confirm').click();
    await el('#signup-result').waitFor();

    await loginAs(page, server.baseUrl, 'resident2');
    await openActivity(taichi);
    await el('#my-signup-status').getByText('有空位，待确认').waitFor();
    await phone.shot('offered');
    await el('#offer-accept').click();
    await expectResult(SIGNED_UP);

    const inbox = await apiAs<{ items: { kind: string }[] }>(server.baseUrl, 'resident2', 'GET', '/me/inbox');
    expect(inbox.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['signup_waitlisted', 'seat_offered']));
    expect(pageErrors).toEqual([]);
  });
});
