import { pageLink, routes } from '@linli/shared';
import { WechatSendQueue } from '../../src/notifications/wechat-send-queue.js';
import { personaOpenid } from '../../src/database/seed/demo-data.js';
import { startFakeWechat, type FakeWechat } from '../fake-wechat/fake-wechat-server.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const APP = { appId: 'wx_test_app', secret: 'test-secret-0123456789' };
const TEMPLATE = 'tmpl_service_request';

/** A resident who subscribed to 求助进度 gets the next step as a WeChat message too, opening 我的求助. */
describe('service request progress on WeChat', () => {
  let fake: FakeWechat;
  let t: TestApp;

  beforeAll(async () => {
    fake = await startFakeWechat(APP);
    fake.addTemplate(TEMPLATE, { fields: ['thing1', 'thing2', 'thing3', 'time4'] });
    fake.addUser(personaOpenid('resident'));
    t = await createTestApp({ wechat: { ...APP, baseUrl: fake.baseUrl }, subscribeTemplates: { service_request: TEMPLATE } });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('sends one message per acceptance; the inbox gets every step', async () => {
    const [resident, committee] = await Promise.all([t.login('resident'), t.login('committee')]);
    const householdId = ok(await t.call(routes.me, {}, resident)).residencies[0].household.id;
    ok(await t.call(routes.recordSubscriptions, { body: { results: [{ key: 'service_request', result: 'accept' }] } }, resident));
    fake.acceptSubscription(personaOpenid('resident'), TEMPLATE);
    const r = ok(await t.call(routes.createServiceRequest, { body: { householdId, category: 'escort', details: '陪我去医院' } }, resident));
    ok(await t.call(routes.acceptServiceRequest, { params: { id: r.id } }, committee));
    // The second step finds no acceptance left: inbox only.
    const second = ok(await t.call(routes.createServiceRequest, { body: { householdId, category: 'repair', details: '修门' } }, resident));
    ok(await t.call(routes.declineServiceRequest, { params: { id: second.id }, body: { reason: '请找物业' } }, committee));
    await t.app.get(WechatSendQueue).idle();

    const messages = fake.deliveredMessages().filter((m) => m.templateId === TEMPLATE);
    expect(messages).toHaveLength(1);
    expect(messages[0].page).toBe(pageLink('myServiceRequests'));
    expect(messages[0].data.thing2).toBe('社区已受理您的求助');
    const titles = ok(await t.call(routes.myInbox, { query: { pageSize: 100 } }, resident)).items.filter((i) => i.kind === 'service_request').map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['社区已受理您的求助', '社区暂时办不了您的求助']));
  });
});
