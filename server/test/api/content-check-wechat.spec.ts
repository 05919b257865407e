import { routes } from '@linli/shared';
import { startFakeWechat, type FakeWechat } from '../fake-wechat/fake-wechat-server.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const appId = 'wx_test_app';
const secret = 'test-secret-0123456789';

/** With WeChat configured (a fake on loopback), texts also pass msg_sec_check under the author's openid. */
describe('content checks through WeChat msg_sec_check', () => {
  let fake: FakeWechat;
  let t: TestApp;
  let committee: string;
  let resident: string;
  let home: number;

  beforeAll(async () => {
    fake = await startFakeWechat({ appId, secret });
    t = await createTestApp({ wechat: { appId, secret, baseUrl: fake.baseUrl } });
    committee = await t.login('committee');
    resident = ok(await t.call(routes.wechatLogin, { body: { code: fake.issueCode('o_content_resident') } })).token;
    home = (await communityIds(t))['幸福里社区'];
    fake.setContentVerdict('烟花爆竹', { suggest: 'risky', label: 20006 });
    fake.setContentVerdict('团购', { suggest: 'review', label: 10001 });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const activity = () =>
    publishedActivity(t, committee, home, {
      companionsAllowed: 1,
      questions: [{ id: 'note', kind: 'text', title: '备注', required: false, options: [] }],
    });
  const signUp = (id: number, body: object, token = resident) => t.call(routes.signUp, { params: { id }, body }, token);

  it('refuses what WeChat calls risky, though the keyword list let it through, and asks per scene with the openid', async () => {
    const a = await activity();
    const before = fake.requests('msg_sec_check').length;
    const risky = await signUp(a.id, { companions: [{ name: '小明', relation: '孙子' }], answers: { note: '过年一起放烟花爆竹' } });
    expect(risky.error).toMatchObject({ code: 'CONTENT_RISKY', fields: [{ path: 'body.companions.0.name' }, { path: 'body.companions.0.relation' }, { path: 'body.answers.note' }] });
    const asked = fake.requests('msg_sec_check').slice(before).map((r) => r.body as Record<string, unknown>);
    expect(asked).toEqual([
      expect.objectContaining({ version: 2, openid: 'o_content_resident', scene: 1, content: '小明\n孙子' }),
      expect.objectContaining({ version: 2, openid: 'o_content_resident', scene: 2, content: '过年一起放烟花爆竹' }),
    ]);
    expect(ok(await signUp(a.id, { answers: { note: '准时到' } })).contentHeld).toBe(false);
  });

  it('holds what WeChat wants reviewed, and holds the text when WeChat cannot answer', async () => {
    expect(ok(await signUp((await activity()).id, { answers: { note: '组织团购' } })).contentHeld).toBe(true);
    fake.failNext('msg_sec_check', 61010);
    expect(ok(await signUp((await activity()).id, { answers: { note: '准时到' } })).contentHeld).toBe(true);
    expect(ok(await t.call(routes.heldContent, { params: { id: home } }, committee)).checks).toBe('local+wechat');
  });

  it('refuses a residency claim whose real name WeChat calls risky', async () => {
    const [household] = ok(await t.call(routes.households, { params: { id: home }, query: { building: '5栋' } }, resident)).items;
    const before = fake.requests('msg_sec_check').length;
    const refused = await t.call(routes.createResidencyClaim, { body: { householdId: household.id, realName: '烟花爆竹' } }, resident);
    expect(refused).toMatchObject({ status: 400, error: { code: 'CONTENT_RISKY', fields: [{ path: 'body.realName', message: '微信内容安全检查未通过，请修改' }] } });
    expect(fake.requests('msg_sec_check').slice(before).map((r) => r.body)).toEqual([
      expect.objectContaining({ openid: 'o_content_resident', scene: 1, content: '烟花爆竹' }),
    ]);
  });

  it('checks a new nickname as a profile text: WeChat’s review holds it, its risky refuses it', async () => {
    const before = fake.requests('msg_sec_check').length;
    expect(ok(await t.call(routes.updateMe, { body: { nickname: '团购达人' } }, resident))).toMatchObject({ nickname: '微信用户', pendingNickname: '团购达人' });
    expect(fake.requests('msg_sec_check').slice(before).map((r) => r.body)).toEqual([expect.objectContaining({ scene: 1, content: '团购达人' })]);
    expect(await t.call(routes.updateMe, { body: { nickname: '烟花爆竹' } }, resident)).toMatchObject({ status: 400, error: { code: 'CONTENT_RISKY' } });
    expect(ok(await t.call(routes.updateMe, { body: { nickname: '小区居民' } }, resident))).toMatchObject({ nickname: '小区居民', pendingNickname: null });
  });

  it('does not ask WeChat about dev-login personas, who have no WeChat account', async () => {
    const before = fake.requests('msg_sec_check').length;
    const persona = await t.login('resident2');
    expect(ok(await signUp((await activity()).id, { answers: { note: '准时到' } }, persona)).contentHeld).toBe(false);
    expect(fake.requests('msg_sec_check')).toHaveLength(before);
  });
});
