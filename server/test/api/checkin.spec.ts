import { routes } from '@linli/shared';
import { ActivitySweeper } from '../../src/activities/activity-sweeper.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { VolunteerHours } from '../../src/activities/volunteer-hours.entity.js';
import { communityIds, HOURS, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Check-in by QR, volunteers' hours, no-shows after the end, and the reminder before the start. */
describe('check-in, hours and reminders', () => {
  let t: TestApp;
  let committee: string;
  let resident: string;
  let resident2: string;
  let volunteer: string;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, resident, resident2, volunteer] = await Promise.all(
      (['committee', 'resident', 'resident2', 'volunteer'] as const).map((p) => t.login(p)),
    );
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const checkIn = (id: number, body: { token: string } | { signupCode: string }, token: string) =>
    t.call(routes.checkIn, { params: { id }, body }, token);

  it('checks participants in by the activity token or by staff scanning their code', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 5, waitlistEnabled: true });
    const mine = ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident));
    const theirs = ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident2));
    const token = ok(await t.call(routes.getActivity, { params: { id: a.id } }, committee)).checkinToken!;

    expect((await checkIn(a.id, { token }, resident)).error?.code).toBe('CHECKIN_NOT_OPEN');
    t.clock.set(new Date(Date.parse(a.startsAt) - 30 * 60_000));
    expect((await checkIn(a.id, { token: 'wrong-token' }, resident)).error?.code).toBe('CHECKIN_TOKEN_INVALID');
    expect((await checkIn(a.id, { token }, volunteer)).error?.code).toBe('CHECKIN_NOT_SIGNED_UP');
    const done = ok(await checkIn(a.id, { token }, resident));
    expect(done).toMatchObject({ action: 'checked_in', signup: { id: mine.id, status: 'attended', checkedInAt: expect.any(String) } });
    expect(ok(await checkIn(a.id, { token }, resident)).signup.status).toBe('attended');

    expect((await checkIn(a.id, { signupCode: theirs.checkinCode }, resident)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await checkIn(a.id, { signupCode: 'no-such-code' }, committee)).error?.code).toBe('CHECKIN_NOT_SIGNED_UP');
    expect(ok(await checkIn(a.id, { signupCode: theirs.checkinCode }, committee)).signup).toMatchObject({ id: theirs.id, status: 'attended' });
    const audit = await t.app.get(AuditRepository).list({ action: 'signup.staff_checkin' });
    expect(audit.map((e) => e.targetId)).toEqual([theirs.id]);
  });

  it('does not check in the waitlisted', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 1 });
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident));
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident2));
    const token = ok(await t.call(routes.getActivity, { params: { id: a.id } }, committee)).checkinToken!;
    t.clock.set(new Date(Date.parse(a.startsAt)));
    expect((await checkIn(a.id, { token }, resident2)).error?.code).toBe('CHECKIN_NOT_SIGNED_UP');
  });

  it('checks volunteers in and out and credits their hours, capped by the activity length', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 0, volunteerSlots: 3, category: 'volunteering' });
    const v = ok(await t.call(routes.signUp, { params: { id: a.id }, body: { role: 'volunteer' } }, volunteer));
    const early = ok(await t.call(routes.signUp, { params: { id: a.id }, body: { role: 'volunteer' } }, resident));
    const token = ok(await t.call(routes.getActivity, { params: { id: a.id } }, committee)).checkinToken!;
    const starts = Date.parse(a.startsAt);

    t.clock.set(new Date(starts - 50 * 60_000));
    expect(ok(await checkIn(a.id, { token }, volunteer)).action).toBe('checked_in');
    t.clock.set(new Date(starts + 10 * 60_000));
    ok(await checkIn(a.id, { token }, resident));
    t.clock.set(new Date(starts + 90 * 60_000));
    const out = ok(await checkIn(a.id, { token }, resident));
    expect(out).toMatchObject({ action: 'checked_out', signup: { id: early.id, checkedOutAt: expect.any(String) } });
    expect(out.signup.hours).toBeCloseTo(80 / 60, 1);

    // Checked in 50 minutes early and out 5 hours after the start: credited the activity's 2 hours.
    t.clock.set(new Date(starts + 5 * HOURS));
    const capped = ok(await checkIn(a.id, { token }, volunteer));
    expect(capped).toMatchObject({ action: 'checked_out', signup: { id: v.id, hours: 2 } });
    expect(ok(await checkIn(a.id, { token }, volunteer)).action).toBe('checked_out');
    const ledger = await t.db.run((em) => em.find(VolunteerHours, { where: { activityId: a.id }, order: { id: 'ASC' } }));
    expect(ledger.map((h) => h.minutes)).toEqual([expect.any(Number), 120]);
    expect(ledger[0].minutes).toBeGreaterThanOrEqual(79);
  });

  it('marks confirmed sign-ups never checked in as no-shows after the end, and counts them', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 5 });
    const [came, stayedAway] = await Promise.all([
      t.login({ openid: 'came', nickname: '来了' }),
      t.login({ openid: 'stayed-away', nickname: '没来' }),
    ]);
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, came));
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, stayedAway));
    const token = ok(await t.call(routes.getActivity, { params: { id: a.id } }, committee)).checkinToken!;
    t.clock.set(new Date(Date.parse(a.startsAt)));
    ok(await checkIn(a.id, { token }, came));
    const sweeper = t.app.get(ActivitySweeper);
    await sweeper.runOnce();
    const statuses = async () =>
      ok(await t.call(routes.listSignups, { params: { id: a.id } }, committee)).items.map((s) => [s.user.nickname, s.status, s.user.noShowCount]);
    expect(await statuses()).toEqual([['来了', 'attended', 0], ['没来', 'confirmed', 0]]);
    t.clock.set(new Date(Date.parse(a.endsAt) + 60_000));
    expect((await sweeper.runOnce()).noShows).toBeGreaterThanOrEqual(1);
    expect((await sweeper.runOnce()).noShows).toBe(0);
    expect(await statuses()).toEqual([['来了', 'attended', 0], ['没来', 'no_show', 1]]);
  });

  it('reminds each confirmed resident once, within the reminder window', async () => {
    const a = await publishedActivity(t, committee, home, { title: '提醒测试', seats: 1 });
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, volunteer));
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident2));
    const sweeper = t.app.get(ActivitySweeper);
    const reminders = async (token: string) =>
      ok(await t.call(routes.myInbox, { query: {} }, token)).items.filter((i) => i.kind === 'activity_reminder' && i.activityId === a.id);

    await sweeper.runOnce();
    expect(await reminders(volunteer)).toHaveLength(0);
    t.clock.set(new Date(Date.parse(a.startsAt) - 23 * HOURS));
    await Promise.all([sweeper.runOnce(), sweeper.runOnce()]);
    await sweeper.runOnce();
    const sent = await reminders(volunteer);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toContain('提醒测试');
    expect(await reminders(resident2)).toHaveLength(0);
  });
});
