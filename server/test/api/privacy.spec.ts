import { routes } from '@linli/shared';
import { Activity } from '../../src/activities/activity.entity.js';
import { Signup } from '../../src/activities/signup.entity.js';
import { SubscribeConsent } from '../../src/notifications/subscribe-consent.entity.js';
import { PollBallot } from '../../src/polls/poll-ballot.entity.js';
import { User } from '../../src/users/user.entity.js';
import { communityIds, HOURS, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { choose, openPoll, verifiedResidents, type TestResident } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** 我的 → 导出我的数据 and 注销账号: a full copy of what is kept, and an account emptied of everything personal. */
describe('my data: export and account deletion', () => {
  let t: TestApp;
  let committee: string;
  let home: number;
  let residents: TestResident[];
  let activityId: number;
  /** Starts in two hours: over by the time the account is deleted. */
  let pastId: number;
  let pollId: number;
  /** Help residents[0] asked the community for. */
  let helpId: number;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    home = (await communityIds(t))['幸福里社区'];
    residents = await verifiedResidents(t, committee, home, { prefix: '隐', building: '9栋', households: 3, openidPrefix: 'privacy' });
    const activity = await publishedActivity(t, committee, home, {
      title: '剪纸课',
      companionsAllowed: 2,
      questions: [{ id: 'diet', kind: 'text', title: '有什么忌口？', required: false, options: [] }],
    });
    activityId = activity.id;
    const poll = await openPoll(t, committee, home, { title: '加装电梯' });
    pollId = poll.id;
    const soon = (h: number) => new Date(Math.floor(t.clock.now().getTime() / 1000) * 1000 + h * HOURS).toISOString();
    pastId = (
      await publishedActivity(t, committee, home, {
        title: '早上的义诊',
        companionsAllowed: 2,
        signupClosesAt: soon(1),
        cancelDeadline: soon(1),
        startsAt: soon(2),
        endsAt: soon(3),
      })
    ).id;
    for (const [i, r] of residents.entries()) {
      ok(await t.call(routes.signUp, { params: { id: activityId }, body: { companions: [{ name: `老伴${i}`, relation: '老伴' }], answers: { diet: '不吃辣' } } }, r.token));
      ok(await t.call(routes.castBallot, { params: { id: pollId }, body: { answers: choose(poll, i === 0 ? 1 : 0) } }, r.token));
    }
    for (const r of residents) ok(await t.call(routes.signUp, { params: { id: pastId }, body: { companions: [{ name: '老伴', relation: '老伴' }] } }, r.token));
    const me = residents[0];
    helpId = ok(await t.call(routes.createServiceRequest, { body: { householdId: me.householdId, category: 'escort', details: '周三陪我去医院复查眼睛' } }, me.token)).id;
  });
  afterAll(() => t.close());

  it('exports everything kept about me, and says why my secret ballot’s choice is not in it', async () => {
    const me = residents[0];
    const data = ok(await t.call(routes.myDataExport, {}, me.token));
    expect(data.profile).toMatchObject({ id: me.userId, nickname: me.name, openid: expect.stringMatching(/^dev_privacy-/) });
    expect(data.residencies).toHaveLength(1);
    expect(data.residencyClaims).toMatchObject([{ realName: me.name, status: 'approved' }]);
    expect(data.signups).toMatchObject([
      { activity: { id: activityId, title: '剪纸课' }, status: 'confirmed', companions: [{ name: '老伴0', relation: '老伴' }], answers: { diet: '不吃辣' } },
      { activity: { id: pastId, title: '早上的义诊' }, status: 'confirmed' },
    ]);
    expect(data.consultations).toMatchObject([{ poll: { id: pollId, title: '加装电梯' }, secret: true, channel: 'online' }]);
    expect(JSON.stringify(data.consultations)).not.toMatch(/optionId|同意/);
    expect(data.inbox.length).toBeGreaterThan(0);
    expect(data.serviceRequests).toMatchObject([{ id: helpId, category: 'escort', details: '周三陪我去医院复查眼睛', state: 'submitted' }]);
    expect(data.wishesClaimed).toEqual([]);
    expect(data.notes.join('')).toMatch(/无记名投票/);
    expect(data.profile.phone).toBeNull();
    // Nobody else's rows.
    expect(JSON.stringify(data)).not.toMatch(/老伴1|老伴2/);
  });

  it('needs a login', async () => {
    const reply = await t.call(routes.myDataExport, {});
    expect(reply).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
  });

  it('deletes my account: personal data gone, my past seat and my secret ballot still counted, my tokens dead', async () => {
    const me = residents[0];
    // 早上的义诊 is over; 剪纸课 is still to come.
    t.clock.advance(3 * HOURS);
    await t.db.run((em) => em.update(User, { id: me.userId }, { phone: '13812345678', birthYear: 1950 }));
    await t.db.run((em) => em.insert(SubscribeConsent, { userId: me.userId, templateKey: 'activity_reminder', remaining: 2, updatedAt: new Date() }));
    const exported = ok(await t.call(routes.myDataExport, {}, me.token));
    expect(exported.profile).toMatchObject({ phone: '138****5678', birthYear: 1950 });
    expect(exported.subscriptions).toEqual([{ key: 'activity_reminder', remaining: 2 }]);
    const before = ok(await t.call(routes.pollResults, { params: { id: pollId } }, committee));
    const seatsBefore = ok(await t.call(routes.getActivity, { params: { id: activityId } }, committee)).seatsTaken;
    const pastSeatsBefore = ok(await t.call(routes.getActivity, { params: { id: pastId } }, committee)).seatsTaken;
    const ballotsBefore = await t.db.run((em) => em.findBy(PollBallot, { pollId }));

    const deleted = ok(await t.call(routes.deleteMyAccount, {}, me.token));
    expect(deleted.summary.join('')).toMatch(/仍然算数/);

    // The old token no longer works, for anything.
    expect(await t.call(routes.me, {}, me.token)).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call(routes.deleteMyAccount, {}, me.token)).toMatchObject({ status: 401 });

    // The row stays for the counts, with nothing personal in it.
    const row = await t.db.run((em) => em.findOneByOrFail(User, { id: me.userId }));
    expect(row).toMatchObject({ nickname: '已注销用户', avatarUrl: null, birthYear: null, phone: null, unionid: null, openid: `deleted:${me.userId}` });
    expect(await t.db.run((em) => em.countBy(SubscribeConsent, { userId: me.userId }))).toBe(0);
    expect(row.deletedAt).toBeInstanceOf(Date);

    // Staff see the past sign-up as a seat, not a person: no name, no companions, no answers.
    const attendees = ok(await t.call(routes.listSignups, { params: { id: pastId } }, committee));
    const mine = attendees.items.find((a) => a.user.id === me.userId)!;
    expect(mine).toMatchObject({ user: { nickname: '已注销用户' }, companions: [], answers: {}, size: 2, status: 'confirmed' });
    expect(JSON.stringify(attendees)).not.toMatch(new RegExp(`${me.name}|老伴0`));
    expect(ok(await t.call(routes.getActivity, { params: { id: pastId } }, committee)).seatsTaken).toBe(pastSeatsBefore);
    // The seats of the class still to come are given back, as a cancellation would.
    const upcoming = await t.db.run((em) => em.findOneByOrFail(Signup, { activityId, userId: me.userId }));
    expect(upcoming).toMatchObject({ status: 'cancelled', active: null, companions: '[]', answers: '{}' });
    expect(ok(await t.call(routes.getActivity, { params: { id: activityId } }, committee)).seatsTaken).toBe(seatsBefore - 2);

    // The residency claim with the real name is gone from the committee's list.
    const claims = ok(await t.call(routes.listResidencyClaims, { query: { status: 'approved', pageSize: 100 } }, committee));
    expect(claims.items.some((c) => c.realName === me.name)).toBe(false);

    // Ballots: the same ballots, the same tallies; still nothing to join them to anyone.
    const after = ok(await t.call(routes.pollResults, { params: { id: pollId } }, committee));
    expect(after.turnout!.ballotsCast).toBe(before.turnout!.ballotsCast);
    expect(after.questions).toEqual(before.questions);
    const ballotsAfter = await t.db.run((em) => em.findBy(PollBallot, { pollId }));
    expect(ballotsAfter.map((b) => b.id).sort()).toEqual(ballotsBefore.map((b) => b.id).sort());

    // The help asked for is withdrawn (nobody had started on it) and its words are gone; the row stays for the counts.
    const queue = ok(await t.call(routes.listServiceRequests, { query: { view: 'community', pageSize: 100 } }, committee));
    expect(queue.items.find((r) => r.id === helpId)).toMatchObject({ state: 'cancelled', details: '' });
    expect(JSON.stringify(queue)).not.toMatch(/周三陪我去医院/);

    // Logging in with the same WeChat identity later starts a new, empty account.
    const again = ok(await t.call(routes.devLogin, { body: { openid: `privacy-9-0-0`, nickname: '新来的' } }));
    expect(again.me.id).not.toBe(me.userId);
    expect(again.me).toMatchObject({ verified: false, residencies: [], claims: [] });
  });

  it('offers the seats a deleted account held on activities to come to the waitlist; counters stay right', async () => {
    const [leaver, first, second] = await Promise.all(
      ['leaver', 'first', 'second'].map((name) => t.login({ openid: `privacy-seat-${name}`, nickname: name })),
    );
    const full = await publishedActivity(t, committee, home, { title: '满员的太极课', seats: 1 });
    const other = await publishedActivity(t, committee, home, { title: '另一堂满员的课', seats: 1 });
    const signUp = (id: number, token: string) => t.call(routes.signUp, { params: { id }, body: {} }, token).then(ok);
    expect((await signUp(full.id, leaver)).status).toBe('confirmed');
    expect((await signUp(full.id, first)).status).toBe('waitlisted');
    expect((await signUp(full.id, second)).status).toBe('waitlisted');
    expect((await signUp(other.id, first)).status).toBe('confirmed');
    expect((await signUp(other.id, leaver)).status).toBe('waitlisted');

    ok(await t.call(routes.deleteMyAccount, {}, leaver));

    const mineOn = async (id: number, token: string) => ok(await t.call(routes.getActivity, { params: { id } }, token)).mySignups[0];
    expect(await mineOn(full.id, first)).toMatchObject({ status: 'offered' });
    expect(await mineOn(full.id, second)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await mineOn(other.id, first)).toMatchObject({ status: 'confirmed' });
    const inbox = ok(await t.call(routes.myInbox, { query: { pageSize: 100 } }, first));
    expect(inbox.items.filter((i) => i.kind === 'seat_offered' && i.activityId === full.id)).toHaveLength(1);

    expect(await countersOf(full.id)).toEqual({ seatsTaken: 1, waitlistCount: 1 });
    expect(await countersOf(other.id)).toEqual({ seatsTaken: 1, waitlistCount: 0 });
    for (const id of [full.id, other.id]) expect(await countersOf(id)).toEqual(await recount(id));
  });

  /** What the activity row says is taken and waiting. */
  const countersOf = (id: number) =>
    t.db.run(async (em) => {
      const a = await em.findOneByOrFail(Activity, { id });
      return { seatsTaken: a.seatsTaken, waitlistCount: a.waitlistCount };
    });
  /** The same, counted from the sign-up rows. */
  const recount = (activityId: number) =>
    t.db.run(async (em) => {
      const rows = await em.findBy(Signup, { activityId, role: 'participant' });
      const holding = rows.filter((s) => ['confirmed', 'offered', 'attended'].includes(s.status));
      return { seatsTaken: holding.reduce((sum, s) => sum + s.size, 0), waitlistCount: rows.filter((s) => s.status === 'waitlisted').length };
    });

  it('leaves other residents untouched', async () => {
    const other = residents[1];
    const data = ok(await t.call(routes.myDataExport, {}, other.token));
    expect(data.profile.nickname).toBe(other.name);
    expect(data.signups[0].companions).toEqual([{ name: '老伴1', relation: '老伴' }]);
  });
});
