import { routes } from '@linli/shared';
import { loadConfig } from '../../src/config/config.js';
import { personaOpenid } from '../../src/database/seed/demo-data.js';
import { SubscribeConsent } from '../../src/notifications/subscribe-consent.entity.js';
import { ABANDONED_AFTER_MS, WechatSendQueue } from '../../src/notifications/wechat-send-queue.js';
import { WechatSend } from '../../src/notifications/wechat-send.entity.js';
import { startFakeWechat, type FakeWechat } from '../fake-wechat/fake-wechat-server.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const APP = { appId: 'wx_test_app', secret: 'test-secret-0123456789' };
const TEMPLATE = 'tmpl_signup_result_custom';

/**
 * Subscribe sends with a template whose keywords are not Linli's default layout, and sends whose connection
 * fails: retried only when nothing reached WeChat, otherwise shown to staff as 可能已发送，未确认 and never sent twice.
 */
describe('WeChat sends: template layouts and safe retries (fake WeChat on loopback)', () => {
  let fake: FakeWechat;
  let t: TestApp;
  let queue: WechatSendQueue;
  let committee: string;
  let resident: string;
  let home: number;
  const openid = personaOpenid('resident');

  beforeAll(async () => {
    fake = await startFakeWechat(APP);
    const { subscribeTemplateFields } = loadConfig({ WECHAT_TEMPLATE_SIGNUP_RESULT_FIELDS: 'thing1:subject,thing2:title,thing5:body,time3:at' });
    t = await createTestApp({ wechat: { ...APP, baseUrl: fake.baseUrl }, subscribeTemplates: { signup_result: TEMPLATE }, subscribeTemplateFields });
    queue = t.app.get(WechatSendQueue);
    [committee, resident] = await Promise.all([t.login('committee'), t.login('resident')]);
    home = (await communityIds(t))['幸福里社区'];
    fake.addTemplate(TEMPLATE, { fields: ['thing1', 'thing2', 'thing5', 'time3'] });
    fake.addUser(openid);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  /** The resident allows one more 报名结果 message, in Linli and in WeChat, and signs up for a new activity. */
  async function signUpWithConsent(title: string) {
    ok(await t.call(routes.recordSubscriptions, { body: { results: [{ key: 'signup_result', result: 'accept' }] } }, resident));
    fake.acceptSubscription(openid, TEMPLATE);
    const a = await publishedActivity(t, committee, home, { title });
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident));
    return a.id;
  }
  const sendOf = (activityId: number) => t.db.run((em) => em.findOneByOrFail(WechatSend, { activityId }));
  const consentLeft = async () => {
    const userId = ok(await t.call(routes.me, {}, resident)).id;
    return t.db.run(async (em) => (await em.findOneByOrFail(SubscribeConsent, { templateKey: 'signup_result', userId })).remaining);
  };
  const staffList = async () => ok(await t.call(routes.failedWechatSends, { query: { page: 1, pageSize: 50 } }, committee)).items;

  it('fills the keywords the configured layout names, the title shortened to its type, the body written to fit', async () => {
    const id = await signUpWithConsent('社区老年人智能手机使用培训班第三期（周末班）');
    await queue.idle();
    const [message] = fake.deliveredMessages().slice(-1);
    expect(Object.keys(message.data).sort()).toEqual(['thing1', 'thing2', 'thing5', 'time3']);
    expect(message.data).toMatchObject({ thing2: '报名成功', time3: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) });
    expect([...message.data.thing1]).toHaveLength(20);
    expect(message.data.thing5).toBe('报名成功，请按时参加');
    expect(await sendOf(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('never sends again when the connection dropped after WeChat took the message, and tells staff it may have gone', async () => {
    const delivered = fake.deliveredMessages().length;
    const asked = fake.requests('subscribe_send').length;
    fake.loseAnswerNext('subscribe_send');
    const id = await signUpWithConsent('掉线的活动');
    await queue.idle();

    expect(await sendOf(id)).toMatchObject({ status: 'uncertain', attempts: 1, errcode: null });
    expect(fake.requests('subscribe_send')).toHaveLength(asked + 1);
    expect(fake.deliveredMessages()).toHaveLength(delivered + 1);
    // The consent it used stays spent: WeChat may have used the resident's acceptance.
    expect(await consentLeft()).toBe(0);

    const item = (await staffList()).find((s) => s.activityId === id);
    expect(item).toMatchObject({ status: 'uncertain', subject: '掉线的活动', nickname: '张阿姨', attempts: 1, errcode: null });
    expect(item!.reason).toBe('可能已发送，未确认：发出后连接断了，没收到微信的回答。为免居民收到两次，没有再发');
  });

  it('sends again when the connection was refused, so nothing reached WeChat, and delivers once', async () => {
    queue.retryDelaysMs = [1500, 1500];
    const delivered = fake.deliveredMessages().length;
    await fake.goOffline();
    let id: number;
    try {
      id = await signUpWithConsent('断网的活动');
      for (let waited = 0; (await sendOf(id)).attempts === 0; waited += 20) {
        if (waited > 5000) throw new Error('the first attempt never finished');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await sendOf(id)).toMatchObject({ status: 'pending', attempts: 1, error: expect.stringMatching(/^network: .*ECONNREFUSED/) });
    } finally {
      await fake.goOnline();
    }
    await queue.idle();

    expect(await sendOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(fake.deliveredMessages()).toHaveLength(delivered + 1);
    expect((await staffList()).some((s) => s.activityId === id)).toBe(false);
  });

  it('after a stop while sending, marks a long-abandoned send uncertain on start, never sends it, and leaves a fresh one alone', async () => {
    const abandoned = await signUpWithConsent('停机时正在发的活动');
    const inFlight = await signUpWithConsent('别的服务器正在发的活动');
    await queue.idle();
    const delivered = fake.deliveredMessages().length;
    // As a server that stopped half-way leaves them: taken (sending), one long ago, one a moment ago (another instance).
    const now = t.clock.now().getTime();
    await t.db.run((em) => em.update(WechatSend, { activityId: abandoned }, { status: 'sending', updatedAt: new Date(now - ABANDONED_AFTER_MS - 60_000) }));
    await t.db.run((em) => em.update(WechatSend, { activityId: inFlight }, { status: 'sending', updatedAt: new Date(now - 5_000) }));

    await queue.recover();
    await queue.idle();

    expect(await sendOf(abandoned)).toMatchObject({ status: 'uncertain', error: expect.stringMatching(/^interrupted/) });
    expect(await sendOf(inFlight)).toMatchObject({ status: 'sending' });
    expect(fake.deliveredMessages()).toHaveLength(delivered);
    const item = (await staffList()).find((s) => s.activityId === abandoned);
    expect(item!.reason).toBe('可能已发送，未确认：发送时服务器停了，没收到微信的回答。为免居民收到两次，没有再发');
    expect((await staffList()).some((s) => s.activityId === inFlight)).toBe(false);
  });
});
