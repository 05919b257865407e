import { formatMoment, routes, type SubscribeTemplateKey } from '@linli/shared';
import { personaOpenid } from '../../src/database/seed/demo-data.js';
import { ActivitySweeper } from '../../src/activities/activity-sweeper.js';
import { InboxItem } from '../../src/notifications/inbox-item.entity.js';
import { formatTemplateTime } from '../../src/notifications/subscribe-templates.js';
import { SubscribeConsent } from '../../src/notifications/subscribe-consent.entity.js';
import { WechatSendQueue } from '../../src/notifications/wechat-send-queue.js';
import { WechatSend } from '../../src/notifications/wechat-send.entity.js';
import { User } from '../../src/users/user.entity.js';
import { startFakeWechat, type FakeWechat } from '../fake-wechat/fake-wechat-server.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { openPoll } from '../support/polls.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const APP = { appId: 'wx_test_app', secret: 'test-secret-0123456789' };
const templateIds: Record<SubscribeTemplateKey, string> = {
  signup_result: 'tmpl_signup_result',
  waitlist_offer: 'tmpl_waitlist_offer',
  activity_reminder: 'tmpl_activity_reminder',
  activity_changed: 'tmpl_activity_changed',
  consultation_opened: 'tmpl_consultation_opened',
  consultation_result: 'tmpl_consultation_result',
  service_request: 'tmpl_service_request',
};
const FIELDS = ['thing1', 'thing2', 'thing3', 'time4'];

/** WeChat subscribe messages: consents recorded per accept, one spent per send, retries, failures shown to staff. */
describe('subscribe messages with WeChat configured (fake WeChat on loopback)', () => {
  let fake: FakeWechat;
  let t: TestApp;
  let queue: WechatSendQueue;
  let committee: string;
  let resident: string;
  let resident2: string;
  let home: number;
  const residentOpenid = personaOpenid('resident');

  beforeAll(async () => {
    fake = await startFakeWechat(APP);
    t = await createTestApp({ wechat: { ...APP, baseUrl: fake.baseUrl }, subscribeTemplates: templateIds });
    queue = t.app.get(WechatSendQueue);
    queue.retryDelaysMs = [20, 20];
    [committee, resident, resident2] = await Promise.all((['committee', 'resident', 'resident2'] as const).map((p) => t.login(p)));
    home = (await communityIds(t))['幸福里社区'];
  });
  beforeEach(() => {
    fake.reset();
    for (const id of Object.values(templateIds)) fake.addTemplate(id, { fields: FIELDS });
    fake.addUser(residentOpenid);
    fake.addUser(personaOpenid('resident2'));
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const consents = (userOpenid: string) =>
    t.db.run(async (em) => {
      const user = await em.findOneByOrFail(User, { openid: userOpenid });
      const rows = await em.find(SubscribeConsent, { where: { userId: user.id } });
      return Object.fromEntries(rows.map((r) => [r.templateKey, r.remaining]));
    });
  const sendsOf = (activityId: number) => t.db.run((em) => em.find(WechatSend, { where: { activityId }, order: { id: 'ASC' } }));
  const accept = (token: string, key: SubscribeTemplateKey) =>
    t.call(routes.recordSubscriptions, { body: { results: [{ key, result: 'accept' }] } }, token);

  it('lists the configured templates for the miniapp to ask for', async () => {
    const body = ok(await t.call(routes.subscribeTemplates));
    expect(body.enabled).toBe(true);
    expect(body.templates).toContainEqual({ key: 'signup_result', templateId: 'tmpl_signup_result' });
    expect(body.templates).toHaveLength(7);
  });

  it('records each accept as one message; reject, ban and filter grant nothing', async () => {
    const before = (await consents(personaOpenid('resident2'))).signup_result ?? 0;
    const reply = ok(
      await t.call(
        routes.recordSubscriptions,
        {
          body: {
            results: [
              { key: 'signup_result', result: 'accept' },
              { key: 'waitlist_offer', result: 'reject' },
              { key: 'activity_reminder', result: 'ban' },
              { key: 'activity_changed', result: 'filter' },
            ],
          },
        },
        resident2,
      ),
    );
    expect(reply.remaining).toContainEqual({ key: 'signup_result', count: before + 1 });
    expect(reply.remaining.find((r) => r.key === 'waitlist_offer')).toBeUndefined();
    ok(await accept(resident2, 'signup_result'));
    expect((await consents(personaOpenid('resident2'))).signup_result).toBe(before + 2);
  });

  it('refuses bad input with a stable code, and anonymous callers', async () => {
    const bad = await t.call(routes.recordSubscriptions, { body: { results: [{ key: 'nope', result: 'accept' }] } } as never, resident);
    expect(bad).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
    const empty = await t.call(routes.recordSubscriptions, { body: { results: [] } }, resident);
    expect(empty).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.call(routes.recordSubscriptions, { body: { results: [{ key: 'signup_result', result: 'accept' }] } })).toMatchObject({
      status: 401,
    });
  });

  it('a reminder carries the activity’s start in its time field and texts that fit, with the time as residents read it', async () => {
    const a = await publishedActivity(t, committee, home, { title: '提醒测试' });
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident2));
    ok(await accept(resident2, 'activity_reminder'));
    fake.acceptSubscription(personaOpenid('resident2'), templateIds.activity_reminder);
    t.clock.set(new Date(new Date(a.startsAt).getTime() - 3600_000));
    try {
      await t.app.get(ActivitySweeper).runOnce();
    } finally {
      t.clock.reset();
    }
    await queue.idle();
    const [message] = fake.deliveredMessages().filter((m) => m.templateId === templateIds.activity_reminder);
    expect(message.data).toEqual({ thing1: '提醒测试', thing2: '活动快开始了', thing3: '地点：社区活动室', time4: formatTemplateTime(new Date(a.startsAt)) });
    for (const value of Object.values(message.data)) expect(value).not.toContain('…');
    const [notice] = await t.db.run((em) => em.find(InboxItem, { where: { activityId: a.id, kind: 'activity_reminder' } }));
    expect(notice.body).toBe(`您报名的「提醒测试」将于 ${formatMoment(new Date(a.startsAt))} 在社区活动室开始。`);
    expect(notice.body).toMatch(/\d+月\d+日 周. (上午|下午|中午|晚上|凌晨)\d+:\d\d/);
  });

  it('sends the sign-up result once per acceptance, fields cut to WeChat limits, and always writes the inbox', async () => {
    const longTitle = '社区老年人智能手机使用培训班第三期（周末班）';
    const a = await publishedActivity(t, committee, home, { title: longTitle });
    const b = await publishedActivity(t, committee, home, { title: '插花' });
    ok(await accept(resident, 'signup_result'));
    fake.acceptSubscription(residentOpenid, templateIds.signup_result);
    const spentBefore = (await consents(residentOpenid)).signup_result;

    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident));
    await queue.idle();
    const delivered = fake.deliveredMessages();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ touser: residentOpenid, templateId: 'tmpl_signup_result', page: `packages/activity/detail/index?id=${a.id}` });
    expect([...delivered[0].data.thing1]).toHaveLength(20);
    expect(delivered[0].data.thing1.startsWith('社区老年人智能手机')).toBe(true);
    expect(delivered[0].data.thing2).toBe('报名成功');
    // The time is the activity's start, not when the message went out; the body is written to fit, not cut.
    expect(delivered[0].data.time4).toBe(formatTemplateTime(new Date(a.startsAt)));
    expect(delivered[0].data.thing3).toBe('报名成功，请按时参加');
    expect((await consents(residentOpenid)).signup_result).toBe(spentBefore - 1);
    expect(await sendsOf(a.id)).toMatchObject([{ status: 'sent', attempts: 1 }]);

    // No acceptance left: the inbox still gets the notice, WeChat gets nothing.
    expect(spentBefore).toBe(1);
    ok(await t.call(routes.signUp, { params: { id: b.id }, body: {} }, resident));
    await queue.idle();
    expect(fake.deliveredMessages()).toHaveLength(1);
    expect(await sendsOf(b.id)).toEqual([]);
    const inbox = await t.db.run((em) => em.find(InboxItem, { where: { activityId: b.id } }));
    expect(inbox).toHaveLength(1);
  });

  it('retries a busy WeChat and records the attempts', async () => {
    const a = await publishedActivity(t, committee, home, { title: '重试活动' });
    ok(await accept(resident2, 'signup_result'));
    fake.acceptSubscription(personaOpenid('resident2'), templateIds.signup_result);
    // The client itself retries busy twice: four busy answers fail the queue's first attempt whether or not that
    // attempt also had to refresh the token (the fake's reset dropped it); the queue's second attempt gets through.
    fake.failNext('subscribe_send', -1, 4);
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident2));
    await queue.idle();
    expect(await sendsOf(a.id)).toMatchObject([{ status: 'sent', attempts: 2, errcode: null }]);
    expect(fake.deliveredMessages()).toHaveLength(1);
  });

  it('gives up at once when WeChat says the user has no subscription left, and shows staff the failure', async () => {
    const a = await publishedActivity(t, committee, home, { title: '失败活动' });
    ok(await accept(resident2, 'signup_result'));
    // WeChat's own count says no acceptance (e.g. the user revoked it): 43101, not worth retrying.
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident2));
    await queue.idle();
    expect(await sendsOf(a.id)).toMatchObject([{ status: 'failed', attempts: 1, errcode: 43101 }]);

    const page = ok(await t.call(routes.failedWechatSends, { query: { page: 1, pageSize: 20 } }, committee));
    expect(page.items[0]).toMatchObject({
      key: 'signup_result',
      activityId: a.id,
      subject: '失败活动',
      nickname: '李叔叔',
      errcode: 43101,
      reason: '居民没有订阅这类提醒，或订阅次数已用完',
    });
    const orgStaff = await t.login('org-staff');
    expect(await t.call(routes.failedWechatSends, { query: { page: 1, pageSize: 20 } }, resident)).toMatchObject({ status: 403 });
    expect(ok(await t.call(routes.failedWechatSends, { query: { page: 1, pageSize: 20 } }, orgStaff)).items).toEqual([]);
  });

  it('tells every voter of a new consultation in the inbox, and on WeChat those who allowed it', async () => {
    ok(await accept(resident, 'consultation_opened'));
    fake.acceptSubscription(residentOpenid, templateIds.consultation_opened);
    const poll = await openPoll(t, committee, home, { title: '小区停车位重新划线' });
    await queue.idle();
    const sends = await t.db.run((em) => em.find(WechatSend, { where: { pollId: poll.id } }));
    expect(sends).toMatchObject([{ templateKey: 'consultation_opened', status: 'sent', communityId: home }]);
    expect(fake.deliveredMessages()).toMatchObject([
      { touser: residentOpenid, templateId: 'tmpl_consultation_opened', page: `packages/poll/detail/index?id=${poll.id}`, data: { thing1: '小区停车位重新划线' } },
    ]);
    const inbox = await t.db.run((em) => em.count(InboxItem, { where: { pollId: poll.id } }));
    expect(inbox).toBeGreaterThan(1);
    expect((await consents(residentOpenid)).consultation_opened).toBe(0);
  });

  it('marks a send failed after every retry is used up', async () => {
    const a = await publishedActivity(t, committee, home, { title: '一直繁忙' });
    ok(await accept(resident2, 'signup_result'));
    fake.acceptSubscription(personaOpenid('resident2'), templateIds.signup_result);
    fake.failNext('subscribe_send', -1, 100);
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident2));
    await queue.idle();
    expect(await sendsOf(a.id)).toMatchObject([{ status: 'failed', attempts: 3, errcode: -1 }]);
    const page = ok(await t.call(routes.failedWechatSends, { query: { page: 1, pageSize: 20 } }, committee));
    expect(page.items.find((i) => i.activityId === a.id)?.reason).toBe('微信服务繁忙，重试几次后仍未发出');
  });
});

describe('subscribe messages without WeChat', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ wechat: null, subscribeTemplates: templateIds });
  });
  afterAll(() => t.close());

  it('offers no templates and says so when asked to record one; notices still reach the inbox', async () => {
    expect(ok(await t.call(routes.subscribeTemplates))).toEqual({ enabled: false, templates: [] });
    const resident = await t.login('resident');
    const reply = await t.call(routes.recordSubscriptions, { body: { results: [{ key: 'signup_result', result: 'accept' }] } }, resident);
    expect(reply).toMatchObject({ status: 503, error: { code: 'SUBSCRIBE_NOT_CONFIGURED', message: '微信消息提醒暂未开通，通知会放在“我的消息”里' } });
    // A refusal recorded as such needs no template.
    ok(await t.call(routes.recordSubscriptions, { body: { results: [{ key: 'signup_result', result: 'reject' }] } }, resident));

    const committee = await t.login('committee');
    const home = (await communityIds(t))['幸福里社区'];
    const a = await publishedActivity(t, committee, home);
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident));
    expect(await t.db.run((em) => em.count(InboxItem, { where: { activityId: a.id } }))).toBe(1);
    expect(await t.db.run((em) => em.count(WechatSend))).toBe(0);
  });
});
