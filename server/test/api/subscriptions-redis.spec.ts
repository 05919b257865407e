import { setTimeout as sleep } from 'node:timers/promises';
import { routes } from '@linli/shared';
import { personaOpenid } from '../../src/database/seed/demo-data.js';
import { WechatSendQueue } from '../../src/notifications/wechat-send-queue.js';
import { WechatSend } from '../../src/notifications/wechat-send.entity.js';
import { startFakeWechat, type FakeWechat } from '../fake-wechat/fake-wechat-server.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { startRedisServer } from '../support/redis-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const APP = { appId: 'wx_test_app', secret: 'test-secret-0123456789' };

/** With REDIS_URL the send jobs wait in a BullMQ queue (a private redis-server, nothing kept on disk). */
describe('subscribe messages through BullMQ', () => {
  let redisServer: Awaited<ReturnType<typeof startRedisServer>>;
  let fake: FakeWechat;
  let t: TestApp;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    fake = await startFakeWechat(APP);
    t = await createTestApp({
      wechat: { ...APP, baseUrl: fake.baseUrl },
      redisUrl: redisServer.url,
      subscribeTemplates: { signup_result: 'tmpl_signup_result' },
    });
    t.app.get(WechatSendQueue).retryDelaysMs = [50, 50];
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
    redisServer?.stop();
  });

  const settled = async (activityId: number) => {
    for (let i = 0; i < 200; i += 1) {
      const rows = await t.db.run((em) => em.find(WechatSend, { where: { activityId } }));
      if (rows.length && rows.every((r) => r.status === 'sent' || r.status === 'failed')) return rows;
      await sleep(50);
    }
    throw new Error('send did not settle');
  };

  it('delivers through the queue in Redis, retrying a busy WeChat', async () => {
    expect(t.app.get(WechatSendQueue).usesRedis).toBe(true);
    fake.addTemplate('tmpl_signup_result', { fields: ['thing1', 'thing2', 'thing3', 'time4'] });
    fake.addUser(personaOpenid('resident'));
    fake.acceptSubscription(personaOpenid('resident'), 'tmpl_signup_result');
    const [committee, resident] = await Promise.all([t.login('committee'), t.login('resident')]);
    const home = (await communityIds(t))['幸福里社区'];
    const a = await publishedActivity(t, committee, home, { title: '排队发送' });
    ok(await t.call(routes.recordSubscriptions, { body: { results: [{ key: 'signup_result', result: 'accept' }] } }, resident));
    // Three busy answers use up the client's own retries: the queue's second attempt gets through.
    fake.failNext('subscribe_send', -1, 3);
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident));
    expect(await settled(a.id)).toMatchObject([{ status: 'sent', attempts: 2 }]);
    expect(fake.deliveredMessages()).toMatchObject([{ touser: personaOpenid('resident'), data: { thing1: '排队发送' } }]);
  });
});
