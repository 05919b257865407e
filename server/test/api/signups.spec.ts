import { routes } from '@linli/shared';
import { ActivitySweeper } from '../../src/activities/activity-sweeper.js';
import { Activity } from '../../src/activities/activity.entity.js';
import { Signup } from '../../src/activities/signup.entity.js';
import { activityInput, communityIds, HOURS, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Signing up, the waitlist and its offers: every refusal has its own code and changes nothing. */
describe('sign-ups', () => {
  let t: TestApp;
  let committee: string;
  let resident: string;
  let resident2: string;
  let volunteer: string;
  let newcomer: string;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, resident, resident2, volunteer, newcomer] = await Promise.all(
      (['committee', 'resident', 'resident2', 'volunteer', 'newcomer'] as const).map((p) => t.login(p)),
    );
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const state = (id: number) =>
    t.db.run(async (em) => {
      const a = await em.findOneByOrFail(Activity, { id });
      const rows = await em.find(Signup, { where: { activityId: id }, order: { id: 'ASC' } });
      return { seatsTaken: a.seatsTaken, volunteersTaken: a.volunteersTaken, waitlistCount: a.waitlistCount, rows: rows.map((r) => [r.userId, r.status]) };
    });
  const signUp = (id: number, token: string, body: object = {}) => t.call(routes.signUp, { params: { id }, body }, token);

  it('confirms while seats remain, holds a seat for each companion, then waitlists', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 3, companionsAllowed: 2 });
    const first = ok(await signUp(a.id, resident, { companions: [{ name: '王奶奶', relation: '老伴' }] }));
    expect(first).toMatchObject({ status: 'confirmed', size: 2, waitlistPosition: null, role: 'participant' });
    expect(first.checkinCode).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(ok(await signUp(a.id, resident2, { companions: [{ name: '小明', relation: '孙子' }] }))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(ok(await signUp(a.id, volunteer))).toMatchObject({ status: 'confirmed', size: 1 });
    expect(ok(await signUp(a.id, newcomer))).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await state(a.id)).toMatchObject({ seatsTaken: 3, waitlistCount: 2 });
    const detail = ok(await t.call(routes.getActivity, { params: { id: a.id } }, newcomer));
    expect(detail).toMatchObject({ seatState: 'waitlist', mySignups: [{ status: 'waitlisted', waitlistPosition: 2 }] });
  });

  it('answers 名额已满 without a waitlist', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 1, waitlistEnabled: false });
    ok(await signUp(a.id, resident));
    const before = await state(a.id);
    const full = await signUp(a.id, resident2);
    expect(full.error).toEqual({ code: 'SEATS_FULL', message: '名额已满，下次早点来报名吧' });
    // The one who holds the last seat and taps again is told they are in, not that it is full.
    expect((await signUp(a.id, resident)).error?.code).toBe('SIGNUP_DUPLICATE');
    // Once a seat is free again, the next tap takes it (the read that refuses is never stale in this process).
    ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, resident));
    expect(ok(await signUp(a.id, resident2)).status).toBe('confirmed');
    expect((await state(a.id)).seatsTaken).toBe(before.seatsTaken);
  });

  it('refuses each kind of bad sign-up with its own code, changing nothing', async () => {
    const a = await publishedActivity(t, committee, home, {
      seats: 5,
      volunteerSlots: 1,
      companionsAllowed: 1,
      questions: [
        { id: 'phone', kind: 'single', title: '您有智能手机吗', required: true, options: ['有', '没有'] },
        { id: 'topics', kind: 'multiple', title: '想学什么', required: false, options: ['微信', '支付', '挂号'] },
      ],
    });
    const answers = { phone: '有' };
    const before = await state(a.id);
    const code = async (token: string, body: object) => (await signUp(a.id, token, body)).error?.code;

    expect(await code(resident, {})).toBe('ANSWERS_INVALID');
    const invalid = await signUp(a.id, resident, { answers: { phone: '也许', topics: ['跳舞'], extra: 'x' } });
    expect(invalid.error?.fields?.map((f) => f.path).sort()).toEqual(['body.answers.extra', 'body.answers.phone', 'body.answers.topics']);
    expect(await code(resident, { answers, companions: [{ name: 'a', relation: 'b' }, { name: 'c', relation: 'd' }] })).toBe('TOO_MANY_COMPANIONS');
    expect(await code(resident, { answers, role: 'volunteer', companions: [{ name: 'a', relation: 'b' }] })).toBe('TOO_MANY_COMPANIONS');
    expect(await state(a.id)).toEqual(before);

    ok(await signUp(a.id, resident, { answers }));
    expect(await code(resident, { answers })).toBe('SIGNUP_DUPLICATE');
    ok(await signUp(a.id, volunteer, { answers, role: 'volunteer' }));
    expect(await code(resident2, { answers, role: 'volunteer' })).toBe('NO_VOLUNTEER_SLOTS');
    expect(await state(a.id)).toMatchObject({ seatsTaken: 1, volunteersTaken: 1, waitlistCount: 0 });
    expect((await state(a.id)).rows).toHaveLength(2);
  });

  it('refuses outside the window, when cancelled, unpublished or outside the audience', async () => {
    const notYet = await publishedActivity(t, committee, home, { signupOpensAt: new Date(Date.now() + HOURS).toISOString() });
    expect((await signUp(notYet.id, resident)).error?.code).toBe('SIGNUP_NOT_OPEN');
    t.clock.advance(50 * HOURS);
    expect((await signUp(notYet.id, resident)).error?.code).toBe('SIGNUP_CLOSED');
    t.clock.reset();

    const draft = ok(await t.call(routes.createActivity, { body: activityInput(t, home) }, committee));
    expect((await signUp(draft.id, resident)).error?.code).toBe('ACTIVITY_NOT_FOUND');
    expect((await signUp(draft.id, committee)).error?.code).toBe('ACTIVITY_NOT_PUBLISHED');
    const cancelled = await publishedActivity(t, committee, home);
    ok(await t.call(routes.cancelActivity, { params: { id: cancelled.id }, body: { reason: '下雨' } }, committee));
    expect((await signUp(cancelled.id, resident)).error?.code).toBe('ACTIVITY_CANCELLED');

    const residents = await publishedActivity(t, committee, home, { audience: { kind: 'community_residents', buildings: [], minAge: null, maxAge: null } });
    expect((await signUp(residents.id, newcomer)).error).toMatchObject({ code: 'NOT_IN_AUDIENCE', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    ok(await signUp(residents.id, resident));
    const building = await publishedActivity(t, committee, home, { audience: { kind: 'buildings', buildings: ['2栋'], minAge: null, maxAge: null } });
    expect((await signUp(building.id, resident)).error?.code).toBe('NOT_IN_AUDIENCE');
    ok(await signUp(building.id, resident2));
    const elderly = await publishedActivity(t, committee, home, { audience: { kind: 'anyone', buildings: [], minAge: 60, maxAge: null } });
    expect((await signUp(elderly.id, volunteer)).error?.code).toBe('NOT_IN_AUDIENCE');
    const unknownAge = await t.login({ openid: 'no-birth-year', nickname: '无年龄' });
    expect((await signUp(elderly.id, unknownAge)).error?.code).toBe('NOT_IN_AUDIENCE');
    ok(await signUp(elderly.id, resident));
    const detail = ok(await t.call(routes.getActivity, { params: { id: elderly.id } }, volunteer));
    expect(detail.eligibility).toEqual({ eligible: false, reason: '这个活动只面向部分居民，您暂时不能报名' });
    for (const id of [notYet.id, cancelled.id]) expect(await state(id)).toEqual({ seatsTaken: 0, volunteersTaken: 0, waitlistCount: 0, rows: [] });
  });

  it('offers a freed seat to the first waitlisted sign-up that fits, who accepts it', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 2, companionsAllowed: 2, offerHoldMinutes: 30 });
    ok(await signUp(a.id, resident, { companions: [{ name: '老伴', relation: '老伴' }] }));
    const big = ok(await signUp(a.id, resident2, { companions: [{ name: 'a', relation: 'b' }, { name: 'c', relation: 'd' }] }));
    const small = ok(await signUp(a.id, volunteer));
    expect(await state(a.id)).toMatchObject({ seatsTaken: 2, waitlistCount: 2 });

    // Two seats free: the first in line needs three, so the next, who fits, is offered them.
    const cancelled = ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, resident));
    expect(cancelled.status).toBe('cancelled');
    expect(await state(a.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 1 });
    const offered = ok(await t.call(routes.getActivity, { params: { id: a.id } }, volunteer)).mySignups[0];
    expect(offered).toMatchObject({ id: small.id, status: 'offered' });
    expect(Date.parse(offered.offerExpiresAt!) - t.clock.now().getTime()).toBeGreaterThan(29 * 60_000);

    // Someone else's sign-up answers exactly as one that does not exist: ids cannot be probed.
    const missing = await t.call(routes.acceptOffer, { params: { id: 2_000_000_000 } }, resident2);
    expect(missing).toMatchObject({ status: 404, error: { code: 'SIGNUP_NOT_FOUND' } });
    // Someone else's offer answers exactly as a missing one (status and body; the Date header may tick between calls).
    const othersOffer = await t.call(routes.acceptOffer, { params: { id: small.id } }, resident2);
    expect({ status: othersOffer.status, body: othersOffer.body }).toEqual({ status: missing.status, body: missing.body });
    expect((await t.call(routes.acceptOffer, { params: { id: big.id } }, resident2)).error?.code).toBe('NO_OFFER');
    expect(ok(await t.call(routes.acceptOffer, { params: { id: small.id } }, volunteer)).status).toBe('confirmed');
    expect((await t.call(routes.acceptOffer, { params: { id: small.id } }, volunteer)).error?.code).toBe('NO_OFFER');
    expect(await state(a.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 1 });

    const kinds = ok(await t.call(routes.myInbox, { query: {} }, volunteer)).items.filter((i) => i.activityId === a.id).map((i) => i.kind);
    expect(kinds).toEqual(['signup_confirmed', 'seat_offered', 'signup_waitlisted']);
    // The resident can sign up again after cancelling: the cancelled row is history.
    expect(ok(await signUp(a.id, resident)).status).toBe('confirmed');
  });

  it('never holds an offered seat past the start of the activity', async () => {
    const soon = (minutes: number) => new Date(Math.floor(t.clock.now().getTime() / 1000) * 1000 + minutes * 60_000).toISOString();
    const a = await publishedActivity(t, committee, home, {
      seats: 1,
      offerHoldMinutes: 120,
      signupClosesAt: soon(50),
      cancelDeadline: soon(40),
      startsAt: soon(60),
      endsAt: soon(120),
    });
    ok(await signUp(a.id, resident));
    const waiting = ok(await signUp(a.id, resident2));
    ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, resident));
    const offered = ok(await t.call(routes.getActivity, { params: { id: a.id } }, resident2)).mySignups[0];
    expect(offered).toMatchObject({ id: waiting.id, status: 'offered', offerExpiresAt: a.startsAt });
  });

  it('expires an unanswered offer through the sweeper and passes the seat on', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 1, offerHoldMinutes: 10 });
    ok(await signUp(a.id, resident));
    const second = ok(await signUp(a.id, resident2));
    const third = ok(await signUp(a.id, volunteer));
    ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: { role: 'participant' } }, resident));
    expect(await state(a.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 1 });

    t.clock.advance(11 * 60_000);
    expect(await t.app.get(ActivitySweeper).runOnce()).toMatchObject({ offersExpired: 1 });
    expect(await t.app.get(ActivitySweeper).runOnce()).toMatchObject({ offersExpired: 0 });
    expect((await t.call(routes.acceptOffer, { params: { id: second.id } }, resident2)).error?.code).toBe('OFFER_EXPIRED');
    expect(await state(a.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 0 });
    const rows = (await state(a.id)).rows;
    expect(rows.map((r) => r[1])).toEqual(['cancelled', 'offer_expired', 'offered']);
    expect(ok(await t.call(routes.myInbox, { query: {} }, resident2)).items[0]).toMatchObject({ kind: 'offer_expired', activityId: a.id });

    // Accepting after the hold ran out (before the sweeper noticed) also passes it on.
    t.clock.advance(11 * 60_000);
    expect((await t.call(routes.acceptOffer, { params: { id: third.id } }, volunteer)).error?.code).toBe('OFFER_EXPIRED');
    expect(await state(a.id)).toMatchObject({ seatsTaken: 0, waitlistCount: 0 });
  });

  it('lets waitlisted and offered sign-ups cancel, and holds confirmed ones to the deadline', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 1 });
    ok(await signUp(a.id, resident));
    ok(await signUp(a.id, resident2));
    ok(await signUp(a.id, volunteer));
    ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, volunteer));
    expect(await state(a.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 1 });
    ok(await signUp(a.id, volunteer));
    ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, resident));
    // resident2 now holds an offer; cancelling it passes the seat on to the volunteer.
    ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, resident2));
    expect(await state(a.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 0 });
    expect(ok(await t.call(routes.mySignups, {}, volunteer)).items[0]).toMatchObject({ status: 'offered', activity: { id: a.id } });
    expect((await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, newcomer)).error?.code).toBe('SIGNUP_NOT_FOUND');

    t.clock.advance(49 * HOURS);
    const late = await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, volunteer);
    expect(late.error?.code).toBe('CANCEL_DEADLINE_PASSED');
    expect(await state(a.id)).toMatchObject({ seatsTaken: 1 });
  });

  it('pages the inbox newest first', async () => {
    const fresh = await t.login({ openid: 'inbox-reader', nickname: '读信人' });
    for (let i = 0; i < 3; i++) ok(await signUp((await publishedActivity(t, committee, home, { title: `活动${i}` })).id, fresh));
    const page = ok(await t.call(routes.myInbox, { query: { pageSize: 2 } }, fresh));
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items.map((i) => i.body)).toEqual([expect.stringContaining('活动2'), expect.stringContaining('活动1')]);
    expect(page.items[0]).toMatchObject({ kind: 'signup_confirmed', title: '报名成功', readAt: null });
  });
});
