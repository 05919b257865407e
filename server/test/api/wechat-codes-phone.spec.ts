import { routes } from '@linli/shared';
import { CHECKIN_PAGE } from '../../src/activities/checkin-code.service.js';
import { readFakeWxacode, startFakeWechat, type FakeWechat } from '../fake-wechat/fake-wechat-server.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const appId = 'wx_test_app';
const secret = 'test-secret-0123456789';

/** The check-in mini-program code and the staff phone, with WeChat (a fake on loopback) and without it. */
describe('mini-program codes and phone binding', () => {
  describe('with WeChat configured', () => {
    let fake: FakeWechat;
    let t: TestApp;
    let committee: string;
    let resident: string;
    let home: number;

    beforeAll(async () => {
      fake = await startFakeWechat({ appId, secret });
      t = await createTestApp({ wechat: { appId, secret, baseUrl: fake.baseUrl } });
      [committee, resident] = await Promise.all([t.login('committee'), t.login('resident')]);
      home = (await communityIds(t))['幸福里社区'];
    });
    afterAll(async () => {
      await t.close();
      await fake.close();
    });

    it('gives staff a real mini-program code whose scene opens the check-in page with the activity and token', async () => {
      const a = await publishedActivity(t, committee, home);
      const token = ok(await t.call(routes.getActivity, { params: { id: a.id } }, committee)).checkinToken!;
      const code = ok(await t.call(routes.checkinCode, { params: { id: a.id } }, committee));
      expect(code).toMatchObject({ kind: 'miniprogram', scene: `${a.id}.${token}`, page: CHECKIN_PAGE, notice: null });
      expect(code.scene.length).toBeLessThanOrEqual(32);
      const png = Buffer.from(code.image!.replace(/^data:image\/png;base64,/, ''), 'base64');
      expect(readFakeWxacode(png)).toMatchObject({ scene: code.scene, page: CHECKIN_PAGE });

      // The code never changes, so WeChat (which limits these) is asked once.
      expect(ok(await t.call(routes.checkinCode, { params: { id: a.id } }, committee)).image).toBe(code.image);
      expect(fake.requests('getwxacodeunlimit')).toHaveLength(1);
    });

    it('shows residents no code', async () => {
      const a = await publishedActivity(t, committee, home);
      expect(await t.call(routes.checkinCode, { params: { id: a.id } }, resident)).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });
    });

    it('falls back to a plain QR and says why when WeChat cannot make the code', async () => {
      const a = await publishedActivity(t, committee, home);
      fake.failNext('getwxacodeunlimit', 45009);
      const code = ok(await t.call(routes.checkinCode, { params: { id: a.id } }, committee));
      expect(code).toMatchObject({ kind: 'plain', image: null, scene: expect.stringMatching(new RegExp(`^${a.id}\\.`)) });
      expect(code.notice).toContain('微信服务今天的使用次数已满');
    });

    it('binds a staff phone through getPhoneNumber and only ever answers it masked', async () => {
      const bound = await t.call(routes.bindPhone, { body: { code: fake.issuePhoneCode('13812345678') } }, committee);
      expect(ok(bound)).toEqual({ phone: '138****5678' });
      const me = ok(await t.call(routes.me, {}, committee));
      expect(me.phone).toBe('138****5678');
      expect(JSON.stringify(me)).not.toContain('13812345678');
      expect(ok(await t.call(routes.unbindPhone, {}, committee))).toEqual({ phone: null });
      expect(ok(await t.call(routes.me, {}, committee)).phone).toBeNull();
    });

    it('refuses a used phone code and never asks residents', async () => {
      const code = fake.issuePhoneCode('13900001111');
      ok(await t.call(routes.bindPhone, { body: { code } }, committee));
      expect(await t.call(routes.bindPhone, { body: { code } }, committee)).toMatchObject({ status: 400, error: { code: 'WECHAT_PHONE_CODE_INVALID' } });
      const asResident = await t.call(routes.bindPhone, { body: { code: fake.issuePhoneCode('13900002222') } }, resident);
      expect(asResident).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });
      expect(ok(await t.call(routes.me, {}, resident)).phone).toBeNull();
      expect(await t.call(routes.bindPhone, { body: { code: '' } }, committee)).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
    });
  });

  describe('without WeChat', () => {
    let t: TestApp;
    let committee: string;

    beforeAll(async () => {
      t = await createTestApp({ wechat: null });
      committee = await t.login('committee');
    });
    afterAll(() => t.close());

    it('gives a plain QR of the same scene and says so', async () => {
      const a = await publishedActivity(t, committee, (await communityIds(t))['幸福里社区']);
      const code = ok(await t.call(routes.checkinCode, { params: { id: a.id } }, committee));
      expect(code).toMatchObject({ kind: 'plain', image: null, page: CHECKIN_PAGE });
      expect(code.scene).toMatch(new RegExp(`^${a.id}\\.[A-Za-z0-9_-]{16}$`));
      expect(code.notice).toContain('还没有接入微信');
    });

    it('says phone binding needs WeChat', async () => {
      expect(await t.call(routes.bindPhone, { body: { code: 'any' } }, committee)).toMatchObject({ status: 503, error: { code: 'PHONE_NEEDS_WECHAT' } });
    });
  });
});
