import { routes } from '@linli/shared';
import { communityIds, HOURS, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * 代办: committee staff register a resident without a smartphone, sign them up as the resident themselves would
 * be, and hand the account over with a one-time code that a fresh WeChat login takes exactly once.
 */
describe('managed residents (代办)', () => {
  let t: TestApp;
  let committee: string;
  let home: number;
  let elsewhere: number;
  let household: number;
  let otherHousehold: number;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    const ids = await communityIds(t);
    home = ids['幸福里社区'];
    elsewhere = ids['春晖园社区'];
    const resident = await t.login('resident');
    household = ok(await t.call(routes.households, { params: { id: home }, query: { pageSize: 5 } }, resident)).items[4].id;
    otherHousehold = ok(await t.call(routes.households, { params: { id: elsewhere }, query: { pageSize: 1 } }, resident)).items[0].id;
  });
  afterAll(() => t.close());

  const register = (name: string, token = committee, householdId = household) => t.call(routes.createManagedResident, { body: { name, householdId } }, token);
  let fresh = 0;
  const freshUser = () => t.login({ openid: `handover_${++fresh}`, nickname: `新用户${fresh}` });

  it('registers a verified resident of the household, listed with the staff member who registered them', async () => {
    const managed = ok(await register('王奶奶'));
    expect(managed).toMatchObject({ name: '王奶奶', registeredBy: '赵主任', household: { id: household, communityId: home } });
    const list = ok(await t.call(routes.listManagedResidents, { query: {} }, committee));
    expect(list.items.map((m) => m.id)).toContain(managed.id);
    const audit = ok(await t.call(routes.auditLog, { query: { action: 'managed_resident.create' } }, committee));
    expect(audit.items[0]).toMatchObject({ actorName: '赵主任', targetId: managed.id });
  });

  it('refuses what is outside the caller or is bad input, each with its own code, and writes nothing', async () => {
    const before = ok(await t.call(routes.listManagedResidents, { query: {} }, committee)).total;
    expect((await register('李爷爷', await t.login('social-worker'))).error?.code).toBe('OUT_OF_SCOPE');
    expect((await register('李爷爷', committee, otherHousehold)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await register('李爷爷', committee, 987654)).error?.code).toBe('HOUSEHOLD_NOT_FOUND');
    expect((await register('', committee)).error?.code).toBe('VALIDATION_FAILED');
    expect((await t.call(routes.listManagedResidents, { query: {} }, await t.login('resident'))).status).toBe(403);
    expect(ok(await t.call(routes.listManagedResidents, { query: {} }, committee)).total).toBe(before);
  });

  it('signs them up through the residents’ own rules, naming the staff member in the audit log and in their 消息', async () => {
    const managed = ok(await register('张爷爷'));
    const activity = await publishedActivity(t, committee, home, { title: '重阳包饺子', audience: { kind: 'community_residents', buildings: [], minAge: null, maxAge: null } });
    const signup = ok(await t.call(routes.managedSignUp, { params: { id: managed.id }, body: { activityId: activity.id } }, committee));
    expect(signup.status).toBe('confirmed');
    const again = await t.call(routes.managedSignUp, { params: { id: managed.id }, body: { activityId: activity.id } }, committee);
    expect(again.error?.code).toBe('SIGNUP_DUPLICATE');
    const attendees = ok(await t.call(routes.listSignups, { params: { id: activity.id } }, committee));
    expect(JSON.stringify(attendees)).toContain('张爷爷');
    const audit = ok(await t.call(routes.auditLog, { query: { action: 'managed_resident.signup' } }, committee));
    expect(audit.items[0]).toMatchObject({ actorName: '赵主任', targetId: signup.id });
    // Another community's staff do not see this resident at all.
    const other = await t.call(routes.managedSignUp, { params: { id: managed.id }, body: { activityId: activity.id } }, await t.login('social-worker'));
    expect(other.error?.code).toBe('MANAGED_RESIDENT_NOT_FOUND');

    const taken = ok(await t.call(routes.createHandover, { params: { id: managed.id } }, committee));
    const session = ok(await t.call(routes.acceptHandover, { params: { code: taken.code } }, await freshUser()));
    expect(session.me).toMatchObject({ id: managed.id, nickname: '张爷爷', verified: true });
    const mine = ok(await t.call(routes.mySignups, {}, session.token));
    expect(mine.items.map((s) => s.activity.title)).toEqual(['重阳包饺子']);
    const inbox = ok(await t.call(routes.myInbox, { query: {} }, session.token));
    expect(inbox.items.map((i) => i.body).join('\n')).toMatch(/居委会工作人员 赵主任 为您代报名/);
    // Theirs now: staff no longer act for them.
    expect((await t.call(routes.managedSignUp, { params: { id: managed.id }, body: { activityId: activity.id } }, committee)).error?.code).toBe(
      'MANAGED_RESIDENT_NOT_FOUND',
    );
  });

  it('refuses a handover code that is unknown, used, expired, or taken by an account with a life of its own', async () => {
    const managed = ok(await register('刘奶奶'));
    const first = ok(await t.call(routes.createHandover, { params: { id: managed.id } }, committee));
    expect((await t.call(routes.acceptHandover, { params: { code: 'NOSUCHCODE12' } }, await freshUser())).error?.code).toBe('HANDOVER_NOT_FOUND');
    expect((await t.call(routes.acceptHandover, { params: { code: first.code } }, await t.login('resident'))).error?.code).toBe('HANDOVER_ACCOUNT_IN_USE');
    t.clock.advance(8 * 24 * HOURS);
    try {
      expect((await t.call(routes.acceptHandover, { params: { code: first.code } }, await freshUser())).error?.code).toBe('HANDOVER_EXPIRED');
    } finally {
      t.clock.reset();
    }
    const second = ok(await t.call(routes.createHandover, { params: { id: managed.id } }, committee));
    ok(await t.call(routes.acceptHandover, { params: { code: second.code.toLowerCase() } }, await freshUser()));
    expect((await t.call(routes.acceptHandover, { params: { code: second.code } }, await freshUser())).error?.code).toBe('HANDOVER_USED');
  });

  it('gives a code to exactly one of many accepting at once', async () => {
    const managed = ok(await register('陈奶奶'));
    const { code } = ok(await t.call(routes.createHandover, { params: { id: managed.id } }, committee));
    const takers = await Promise.all(Array.from({ length: 8 }, () => freshUser()));
    const replies = await Promise.all(takers.map((token) => t.call(routes.acceptHandover, { params: { code } }, token)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.error?.code === 'HANDOVER_USED')).toHaveLength(7);
    // The losers keep their own accounts.
    for (const [i, reply] of replies.entries()) {
      if (reply.status !== 200) expect((await t.call(routes.me, {}, takers[i])).status).toBe(200);
    }
  });
});
