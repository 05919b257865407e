import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routes } from '@linli/shared';
import { runAdmin } from '../../src/admin/admin-commands.js';
import { INVITE_PAGE } from '../../src/adoption/invite-code.js';
import { readFakeWxacode, startFakeWechat } from '../fake-wechat/fake-wechat-server.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp } from '../support/test-app.js';

/** `admin bootstrap` on an empty embedded database, as a street office would run it on day one. */
describe('admin bootstrap', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'linli-bootstrap-'));
    // SEED_DEMO off, as in production; a database URL with a password must never be printed.
    env = { NODE_ENV: 'test', SQLITE_PATH: join(dir, 'linli.sqlite'), SEED_DEMO: 'false', JWT_SECRET: 'x'.repeat(40) };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(args, { ...env, ...extraEnv }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates the street and a one-time invite, then refuses a second run once the admin has accepted', async () => {
    const first = await run(['bootstrap', '--street', '和平街道']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('已创建街道：和平街道');
    const code = /邀请码：([A-Z2-9]{6})/.exec(first.out)![1];
    expect(code).not.toMatch(/[0O1lI]/);
    expect(first.out).toContain(`/#/${INVITE_PAGE}?scene=i%3D${code}`);
    expect(first.out).not.toMatch(/JWT|secret|xxxxxxxx/i);

    // Nothing else was created: the first street admin joins through the app, on the same database.
    const t = await createTestApp({ database: { kind: 'sqlite', path: env.SQLITE_PATH! }, seedDemo: false, jwtSecret: env.JWT_SECRET });
    try {
      expect(ok(await t.call(routes.communities)).items).toEqual([]);
      expect(await t.db.rawQuery('SELECT `id` FROM `app_user`', [])).toEqual([]);
      expect(ok(await t.call(routes.showInvite, { params: { code } }))).toMatchObject({ role: 'street_admin', scope: { kind: 'street', name: '和平街道' }, inviterName: null });
      const admin = await t.login({ openid: 'first_admin', nickname: '王主任' });
      expect(ok(await t.call(routes.acceptInvite, { params: { code } }, admin))).toMatchObject({ role: 'street_admin', scope: { name: '和平街道' } });
      const log = ok(await t.call(routes.auditLog, {}, admin));
      expect(log.items.map((r) => r.action)).toEqual(['grant.accept_invite', 'invite.bootstrap', 'street.create']);
    } finally {
      await t.app.close();
    }

    const second = await run(['bootstrap', '--street', '和平街道']);
    expect(second.code).toBe(1);
    expect(second.err).toContain('已经有 1 位街道管理员');
    expect(second.out).not.toContain('邀请码');

    const forced = await run(['bootstrap', '--street', '和平街道', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('街道已存在：和平街道');
    expect(/邀请码：([A-Z2-9]{6})/.exec(forced.out)![1]).not.toBe(code);

    expect(await run(['audit-verify'])).toMatchObject({ code: 0, out: expect.stringContaining('OK: every chain is intact') });
  });

  it('writes the mini-program code to a PNG file when WeChat is configured', async () => {
    const fake = await startFakeWechat({ appId: 'wx_test_app', secret: 'test-secret-0123456789' });
    try {
      const file = join(dir, 'invite.png');
      const result = await run(['bootstrap', '--street', '春风街道', '--qr-file', file], {
        WECHAT_APP_ID: 'wx_test_app',
        WECHAT_APP_SECRET: 'test-secret-0123456789',
        WECHAT_API_BASE_URL: fake.baseUrl,
      });
      expect(result.code).toBe(0);
      expect(result.out).not.toContain('test-secret');
      const code = /邀请码：([A-Z2-9]{6})/.exec(result.out)![1];
      expect(existsSync(file)).toBe(true);
      expect(readFakeWxacode(readFileSync(file))).toMatchObject({ scene: `i=${code}`, page: INVITE_PAGE });
    } finally {
      await fake.close();
    }
  });

  it('explains its usage and needs a street name', async () => {
    expect(await run(['bootstrap'])).toMatchObject({ code: 2, err: expect.stringContaining('--street') });
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('audit-verify') });
  });
});
