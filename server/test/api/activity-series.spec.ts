import { routes, type InboxItem } from '@linli/shared';
import { Activity } from '../../src/activities/activity.entity.js';
import { activityInput, communityIds, HOURS } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const WEEK = 7 * 24 * HOURS;

/** Editing one session of a weekly series, or it and every later one. */
describe('editing a weekly series', () => {
  let t: TestApp;
  let committee: string;
  let home: number;
  let series = 0;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());

  /** Four published weekly sessions of 10 seats, in order. */
  async function publishedSeries() {
    const title = `太极拳${++series}`;
    const first = ok(await t.call(routes.createActivity, { body: activityInput(t, home, { title, repeatWeekly: 4, seats: 10 }) }, committee));
    ok(await t.call(routes.publishActivity, { params: { id: first.id } }, committee));
    return sessionsOf(first.id);
  }
  const sessionsOf = (seriesId: number) => t.db.run((em) => em.find(Activity, { where: { seriesId }, order: { startsAt: 'ASC' } }));
  const edit = (id: number, body: object) => t.call(routes.updateActivity, { params: { id }, body }, committee);
  /** Opens a later session's sign-up now (an edit of that session alone) and signs these users up. */
  async function signUpTo(session: Activity, tokens: string[]) {
    ok(await edit(session.id, { signupOpensAt: new Date(t.clock.now().getTime() - HOURS).toISOString() }));
    for (const token of tokens) ok(await t.call(routes.signUp, { params: { id: session.id }, body: {} }, token));
  }
  const changeNotices = async (token: string): Promise<InboxItem[]> =>
    ok(await t.call(routes.myInbox, { query: { pageSize: 100 } }, token)).items.filter((i) => i.kind === 'activity_changed');
  const iso = (d: Date, plusMs = 0) => new Date(d.getTime() + plusMs).toISOString();

  it("changes only the chosen session by default and with scope 'this'", async () => {
    const before = await publishedSeries();
    const edited = ok(await edit(before[1].id, { place: '二楼舞蹈室' }));
    expect(edited.place).toBe('二楼舞蹈室');
    ok(await edit(before[2].id, { place: '三楼', seats: 12, scope: 'this' }));

    const after = await sessionsOf(before[0].seriesId!);
    expect(after.map((s) => [s.place, s.seats])).toEqual([
      ['社区活动室', 10],
      ['二楼舞蹈室', 10],
      ['三楼', 12],
      ['社区活动室', 10],
    ]);
  });

  it("with scope 'following' makes the same changes to later sessions, moving their times by the same amount", async () => {
    const before = await publishedSeries();
    const [resident, resident2] = await Promise.all(['a', 'b'].map((n) => t.login({ openid: `series-${n}`, nickname: n })));
    await signUpTo(before[1], [resident, resident2]);
    await signUpTo(before[2], [resident]);
    ok(await t.call(routes.cancelActivity, { params: { id: before[3].id }, body: { reason: '节假日' } }, committee));
    const opened = await sessionsOf(before[0].seriesId!);
    const s2 = opened[1];

    // An hour later and a day earlier to close sign-up, in the second session; the form sends every field.
    const reply = ok(
      await edit(s2.id, {
        scope: 'following',
        title: s2.title,
        place: '二楼舞蹈室',
        seats: 15,
        startsAt: iso(s2.startsAt, HOURS),
        endsAt: iso(s2.endsAt, HOURS),
        signupOpensAt: iso(s2.signupOpensAt),
        signupClosesAt: iso(s2.signupClosesAt, -24 * HOURS),
        cancelDeadline: iso(s2.cancelDeadline),
      }),
    );
    expect(reply).toMatchObject({ id: s2.id, place: '二楼舞蹈室', seats: 15, seatsTaken: 2, startsAt: iso(s2.startsAt, HOURS) });

    const after = await sessionsOf(before[0].seriesId!);
    // The first session is earlier, the last one cancelled: both untouched.
    expect(after[0]).toEqual(opened[0]);
    expect(after[3]).toEqual(opened[3]);
    for (const i of [1, 2]) {
      expect(after[i]).toMatchObject({ place: '二楼舞蹈室', seats: 15, title: s2.title });
      expect(after[i].startsAt.getTime()).toBe(opened[i].startsAt.getTime() + HOURS);
      expect(after[i].endsAt.getTime()).toBe(opened[i].endsAt.getTime() + HOURS);
      expect(after[i].signupClosesAt.getTime()).toBe(opened[i].signupClosesAt.getTime() - 24 * HOURS);
      // Unchanged fields keep each session's own value: the third session's sign-up was opened on its own.
      expect(after[i].signupOpensAt).toEqual(opened[i].signupOpensAt);
      expect(after[i].cancelDeadline).toEqual(opened[i].cancelDeadline);
    }
    // Still a week apart.
    expect(after[2].startsAt.getTime() - after[1].startsAt.getTime()).toBe(WEEK);

    // One notice per changed session a resident is signed up to.
    expect((await changeNotices(resident)).map((n) => n.activityId).sort()).toEqual([s2.id, opened[2].id].sort());
    expect((await changeNotices(resident2)).map((n) => n.activityId)).toEqual([s2.id]);
  });

  it('never drops the seats of any session below those already taken, and then changes no session', async () => {
    const before = await publishedSeries();
    const users = await Promise.all(['c', 'd', 'e'].map((n) => t.login({ openid: `capacity-${n}`, nickname: n })));
    await signUpTo(before[1], users.slice(0, 1));
    await signUpTo(before[2], users);
    const opened = await sessionsOf(before[0].seriesId!);

    const following = await edit(before[1].id, { seats: 2, place: '小会议室', scope: 'following' });
    expect(following).toMatchObject({ status: 409, error: { code: 'CAPACITY_BELOW_TAKEN' } });
    expect(following.error?.message).toMatch(/那一次已有 3 人报上名，名额不能少于 3/);
    expect(await sessionsOf(before[0].seriesId!)).toEqual(opened);

    const single = await edit(before[2].id, { seats: 1 });
    expect(single).toMatchObject({ status: 409, error: { code: 'CAPACITY_BELOW_TAKEN', message: '已有 3 人报上名，名额不能少于 3' } });
    const volunteers = await edit(before[2].id, { volunteerSlots: 0 });
    expect(volunteers.status).toBe(200);

    // Down to exactly what is taken is fine.
    expect(ok(await edit(before[2].id, { seats: 3 }))).toMatchObject({ seats: 3, seatsTaken: 3, seatState: 'waitlist' });
    expect(await changeNotices(users[1])).toHaveLength(1);
  });

  it('refuses a following edit that would put a later session’s times out of order, naming that session', async () => {
    const before = await publishedSeries();
    // The third session on its own: cancelling allowed until the very start.
    ok(await edit(before[2].id, { cancelDeadline: iso(before[2].startsAt) }));
    const reply = await edit(before[1].id, { scope: 'following', startsAt: iso(before[1].startsAt, -HOURS), endsAt: iso(before[1].endsAt, -HOURS) });
    expect(reply).toMatchObject({ status: 400, error: { code: 'ACTIVITY_TIMES_INVALID', message: expect.stringMatching(/那一次改完后时间先后不对/) } });
    expect((await sessionsOf(before[0].seriesId!))[1].startsAt).toEqual(before[1].startsAt);
  });

  it('treats a following edit of a single activity as an edit of that activity', async () => {
    const single = ok(await t.call(routes.createActivity, { body: activityInput(t, home, { title: '单次活动' }) }, committee));
    expect(ok(await edit(single.id, { place: '楼下花园', scope: 'following' })).place).toBe('楼下花园');
    expect((await edit(single.id, { scope: 'sometimes' })).error?.code).toBe('VALIDATION_FAILED');
  });
});
