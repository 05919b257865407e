import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { routes } from '@linli/shared';
import { startFakeWechat, type FakeWechat } from '../fake-wechat/fake-wechat-server.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('login', () => {
  describe('with WeChat configured (fake WeChat on loopback)', () => {
    let fake: FakeWechat;
    let t: TestApp;

    beforeAll(async () => {
      fake = await startFakeWechat({ appId: 'wx_test_app', secret: 'test-secret-0123456789' });
      t = await createTestApp({ wechat: { appId: 'wx_test_app', secret: 'test-secret-0123456789', baseUrl: fake.baseUrl } });
    });
    afterAll(async () => {
      await t.close();
      await fake.close();
    });

    it('exchanges a wx.login code for our own token, creating the user once', async () => {
      const first = ok(await t.call(routes.wechatLogin, { body: { code: fake.issueCode('o_resident_1') } }));
      expect(first.me).toMatchObject({ nickname: '微信用户', verified: false, isStaff: false, grants: [] });
      expect(JSON.stringify(first)).not.toMatch(/session/i);
      const second = ok(await t.call(routes.wechatLogin, { body: { code: fake.issueCode('o_resident_1') } }));
      expect(second.me.id).toBe(first.me.id);
      expect(ok(await t.call(routes.me, {}, second.token)).id).toBe(first.me.id);
      expect(fake.requests('jscode2session')).toHaveLength(2);
    });

    it('creates one user when the same person logs in twice at once', async () => {
      const codes = Array.from({ length: 10 }, () => fake.issueCode('o_racer'));
      const replies = await Promise.all(codes.map((code) => t.call(routes.wechatLogin, { body: { code } })));
      expect(new Set(replies.map((r) => ok(r).me.id)).size).toBe(1);
    });

    it.each([
      [40029, 400, 'WECHAT_CODE_INVALID'],
      [40163, 400, 'WECHAT_CODE_USED'],
      [45011, 429, 'WECHAT_RATE_LIMITED'],
      [40226, 403, 'WECHAT_RISKY_USER'],
    ])('maps WeChat errcode %i to %i %s', async (errcode, status, code) => {
      fake.failNext('jscode2session', errcode);
      const reply = await t.call(routes.wechatLogin, { body: { code: fake.issueCode('o_someone') } });
      expect(reply).toMatchObject({ status, error: { code } });
    });

    it('answers a WeChat outage with 503 and Retry-After, and logs its cause at warn level', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      try {
        fake.failNext('jscode2session', -1, 10);
        const busy = await t.call(routes.wechatLogin, { body: { code: fake.issueCode('o_busy') } });
        expect([busy.status, busy.error?.code, busy.headers.get('retry-after')]).toEqual([503, 'WECHAT_BUSY', '2']);
        fake.reset();
        const code = fake.issueCode('o_down');
        await fake.goOffline();
        const down = await t.call(routes.wechatLogin, { body: { code } }).finally(() => fake.goOnline());
        expect([down.status, down.error?.code, down.headers.get('retry-after')]).toEqual([503, 'WECHAT_UNAVAILABLE', '10']);
        const logged = warn.mock.calls.map(([entry]) => entry as { code?: string; err?: { api?: string; failure?: string } });
        expect(logged).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ code: 'WECHAT_BUSY', err: expect.objectContaining({ api: 'jscode2session', errcode: -1 }) }),
            expect.objectContaining({ code: 'WECHAT_UNAVAILABLE', err: expect.objectContaining({ api: 'jscode2session', failure: 'network' }) }),
          ]),
        );
      } finally {
        warn.mockRestore();
      }
    });

    it('refuses a code used twice and an unknown code', async () => {
      const code = fake.issueCode('o_twice');
      ok(await t.call(routes.wechatLogin, { body: { code } }));
      expect(await t.call(routes.wechatLogin, { body: { code } })).toMatchObject({ status: 400, error: { code: 'WECHAT_CODE_USED' } });
      expect(await t.call(routes.wechatLogin, { body: { code: 'never-issued' } })).toMatchObject({ status: 400, error: { code: 'WECHAT_CODE_INVALID' } });
    });
  });

  describe('without WeChat configured', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ wechat: null });
    });
    afterAll(() => t.close());

    it('says WeChat login is not available, honestly', async () => {
      expect(await t.call(routes.wechatLogin, { body: { code: 'abc' } })).toMatchObject({ status: 503, error: { code: 'WECHAT_NOT_CONFIGURED' } });
      expect((await t.call(routes.health)).body).toMatchObject({ wechat: false });
    });

    it('logs in as every seeded persona, with their roles and homes', async () => {
      const expectations = {
        resident: { nickname: '张阿姨', verified: true, isStaff: false },
        resident2: { verified: true, isStaff: false },
        volunteer: { verified: true, isStaff: false },
        'social-worker': { isStaff: true },
        'org-staff': { isStaff: true },
        committee: { isStaff: true, verified: false },
        'street-admin': { isStaff: true },
        newcomer: { verified: false, isStaff: false },
      } as const;
      for (const [persona, expected] of Object.entries(expectations)) {
        const reply = ok(await t.call(routes.devLogin, { body: { persona: persona as keyof typeof expectations } }));
        expect(reply.me).toMatchObject(expected);
      }
      const committee = ok(await t.call(routes.devLogin, { body: { persona: 'committee' } })).me;
      expect(committee.grants).toEqual([{ id: expect.any(Number), role: 'committee_staff', scope: { kind: 'community', id: expect.any(Number), name: '幸福里社区' } }]);
      const resident = ok(await t.call(routes.devLogin, { body: { persona: 'resident' } })).me;
      expect(resident.residencies[0].household).toMatchObject({ communityName: '幸福里社区', building: '1栋', unit: '1单元', room: '101' });
    });

    it('creates a new dev user from an openid and rejects unknown personas', async () => {
      const reply = ok(await t.call(routes.devLogin, { body: { openid: 'bench-1', nickname: '测试用户' } }));
      expect(reply.me).toMatchObject({ nickname: '测试用户', verified: false });
      const bad = await t.call(routes.devLogin, { body: { persona: 'mayor' as never } });
      expect(bad).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
    });
  });

  describe('in production', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: 'production', devLogin: false });
    });
    afterAll(() => t.close());

    it('has dev login switched off', async () => {
      expect(await t.call(routes.devLogin, { body: { persona: 'resident' } })).toMatchObject({ status: 403, error: { code: 'DEV_LOGIN_DISABLED' } });
    });
  });
});
