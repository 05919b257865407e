import { routes } from '@linli/shared';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** 我的 → 修改昵称: a new nickname passes the content check; one to review waits for the committee. */
describe('changing my nickname', () => {
  let t: TestApp;
  let committee: string;
  let resident: string;
  let residentId: number;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, resident] = await Promise.all([t.login('committee'), t.login('resident')]);
    residentId = ok(await t.call(routes.me, {}, resident)).id;
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());

  const rename = (nickname: string, token = resident) => t.call(routes.updateMe, { body: { nickname } }, token);
  const heldNicknames = async (token = committee, communityId = home) => ok(await t.call(routes.heldContent, { params: { id: communityId } }, token)).nicknames;
  const decide = (pendingNickname: string, approve: boolean, token = committee, userId = residentId) =>
    t.call(routes.decideHeldContent, { body: { kind: 'nickname', userId, pendingNickname, approve } }, token);

  it('changes it at once when the check passes, trimmed, and everyone sees the new one', async () => {
    const me = ok(await rename('  张阿姨家  '));
    expect(me).toMatchObject({ id: residentId, nickname: '张阿姨家', pendingNickname: null });
    expect(ok(await t.call(routes.me, {}, resident)).nickname).toBe('张阿姨家');
    const a = await publishedActivity(t, committee, home, { title: '改名后报名' });
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident));
    const attendees = ok(await t.call(routes.listSignups, { params: { id: a.id } }, committee));
    expect(attendees.items.map((i) => i.user.nickname)).toEqual(['张阿姨家']);
  });

  it('refuses an empty or too long nickname, naming the field', async () => {
    for (const nickname of ['一二三四五六七八九十一二三四五六七八九十一', '   ']) {
      const reply = await rename(nickname);
      expect(reply).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED', fields: [{ path: 'body.nickname' }] } });
    }
    expect(ok(await rename('一二三四五六七八九十一二三四五六七八九十')).nickname).toHaveLength(20);
    expect(await t.call(routes.updateMe, { body: { nickname: '张阿姨', avatarUrl: 'x' } } as never, resident)).toMatchObject({ status: 400 });
  });

  it('refuses a risky nickname and keeps the old one', async () => {
    ok(await rename('张阿姨'));
    const reply = await rename('六合彩 大王');
    expect(reply).toMatchObject({
      status: 400,
      error: { code: 'CONTENT_RISKY', fields: [{ path: 'body.nickname', message: '含有不适合发布的词语「六合彩」，请修改' }] },
    });
    expect(ok(await t.call(routes.me, {}, resident))).toMatchObject({ nickname: '张阿姨', pendingNickname: null });
  });

  it('holds a nickname to review: the old one shows until the committee approves it', async () => {
    ok(await rename('张阿姨'));
    expect(ok(await rename('张阿姨加我微信'))).toMatchObject({ nickname: '张阿姨', pendingNickname: '张阿姨加我微信' });
    expect(await heldNicknames()).toEqual([{ userId: residentId, nickname: '张阿姨', pendingNickname: '张阿姨加我微信' }]);
    // Staff who are not the resident's committee see nothing of it and may not decide it.
    const socialWorker = await t.login('social-worker');
    expect(await decide('张阿姨加我微信', true, socialWorker)).toMatchObject({ status: 403, error: { code: 'OUT_OF_SCOPE' } });
    const chunhui = (await communityIds(t))['春晖园社区'];
    const streetAdmin = await t.login('street-admin');
    expect(await heldNicknames(streetAdmin, chunhui)).toEqual([]);

    ok(await decide('张阿姨加我微信', true));
    expect(ok(await t.call(routes.me, {}, resident))).toMatchObject({ nickname: '张阿姨加我微信', pendingNickname: null });
    expect(await heldNicknames()).toEqual([]);
    expect(await decide('张阿姨加我微信', true)).toMatchObject({ status: 404, error: { code: 'HELD_CONTENT_NOT_FOUND' } });
    const audit = await t.app.get(AuditRepository).list({ communityId: home });
    expect(audit.filter((e) => e.targetType === 'user' && e.targetId === residentId).map((e) => e.action)).toEqual(['moderation.approve']);
  });

  it('a rejected nickname is dropped and the old one stays; staff never approve a newer one unseen', async () => {
    ok(await rename('张阿姨'));
    ok(await rename('代购张阿姨'));
    // The resident changes it again before staff decide: the words staff read are no longer the ones held.
    ok(await rename('返利张阿姨'));
    expect(await decide('代购张阿姨', true)).toMatchObject({ status: 404, error: { code: 'HELD_CONTENT_NOT_FOUND' } });
    ok(await decide('返利张阿姨', false));
    expect(ok(await t.call(routes.me, {}, resident))).toMatchObject({ nickname: '张阿姨', pendingNickname: null });

    // A nickname that passes replaces one still held.
    ok(await rename('兼职张阿姨'));
    expect(ok(await rename('张奶奶'))).toMatchObject({ nickname: '张奶奶', pendingNickname: null });
    expect(await heldNicknames()).toEqual([]);
  });

  it('needs a login', async () => {
    expect(await t.call(routes.updateMe, { body: { nickname: '谁' } })).toMatchObject({ status: 401 });
  });
});
