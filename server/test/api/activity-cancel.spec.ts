import { routes } from '@linli/shared';
import { ActivitiesRepository } from '../../src/activities/activities.repository.js';
import { ActivitySweeper } from '../../src/activities/activity-sweeper.js';
import { Activity } from '../../src/activities/activity.entity.js';
import { Signup } from '../../src/activities/signup.entity.js';
import { InboxItem } from '../../src/notifications/inbox-item.entity.js';
import { communityIds, HOURS, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Cancelling an activity ends every sign-up that held or awaited a place, at once, and tells each resident once. */
describe('cancelling an activity', () => {
  let t: TestApp;
  let committee: string;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const rowsOf = (activityId: number) => t.db.run((em) => em.find(Signup, { where: { activityId }, order: { id: 'ASC' } }));
  const counters = (id: number) =>
    t.db.run(async (em) => {
      const a = await em.findOneByOrFail(Activity, { id });
      return { seatsTaken: a.seatsTaken, volunteersTaken: a.volunteersTaken, waitlistCount: a.waitlistCount };
    });
  const inboxOf = (token: string) => t.call(routes.myInbox, { query: { pageSize: 100 } }, token).then(ok);

  it('moves confirmed, waitlisted and offered sign-ups to 活动已取消, zeroes the counters and notifies each user once', async () => {
    const [holder, leaver, offered, waiting] = await Promise.all(
      ['holder', 'leaver', 'offered', 'waiting'].map((name) => t.login({ openid: `cancel-${name}`, nickname: name })),
    );
    const a = await publishedActivity(t, committee, home, { title: '要取消的活动', seats: 2, volunteerSlots: 1, companionsAllowed: 1 });
    const signUp = (token: string, body: object = {}) => t.call(routes.signUp, { params: { id: a.id }, body }, token).then(ok);
    await signUp(holder);
    await signUp(holder, { role: 'volunteer' }); // the same resident also volunteers: still one notice
    await signUp(leaver);
    const offer = await signUp(offered);
    await signUp(waiting, { companions: [{ name: '王奶奶', relation: '老伴' }] });
    ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, leaver));
    expect((await rowsOf(a.id)).map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'cancelled', 'offered', 'waitlisted']);
    expect(await counters(a.id)).toEqual({ seatsTaken: 2, volunteersTaken: 1, waitlistCount: 1 });

    const cancelled = ok(await t.call(routes.cancelActivity, { params: { id: a.id }, body: { reason: '场地维修' } }, committee));
    expect(cancelled).toMatchObject({ status: 'cancelled', seatState: 'cancelled', seatsTaken: 0, volunteersTaken: 0, waitlistCount: 0 });

    const rows = await rowsOf(a.id);
    expect(rows.map((s) => [s.status, s.active])).toEqual([
      ['activity_cancelled', null],
      ['activity_cancelled', null],
      ['cancelled', null],
      ['activity_cancelled', null],
      ['activity_cancelled', null],
    ]);
    expect(await counters(a.id)).toEqual({ seatsTaken: 0, volunteersTaken: 0, waitlistCount: 0 });

    for (const token of [holder, offered, waiting]) {
      const notices = (await inboxOf(token)).items.filter((i) => i.kind === 'activity_cancelled');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ activityId: a.id, title: '活动已取消', body: expect.stringContaining('场地维修') });
    }
    // Who had already cancelled is not told again.
    expect((await inboxOf(leaver)).items.filter((i) => i.kind === 'activity_cancelled')).toEqual([]);

    const mine = ok(await t.call(routes.mySignups, {}, holder)).items.filter((s) => s.activityId === a.id);
    expect(mine.map((s) => [s.role, s.status])).toEqual([
      ['volunteer', 'activity_cancelled'],
      ['participant', 'activity_cancelled'],
    ]);
    expect(ok(await t.call(routes.getActivity, { params: { id: a.id } }, holder)).mySignups).toEqual([]);

    const again = await t.call(routes.cancelActivity, { params: { id: a.id }, body: { reason: '再取消一次' } }, committee);
    expect(again).toMatchObject({ status: 409, error: { code: 'ACTIVITY_CANCELLED' } });
    expect((await t.call(routes.acceptOffer, { params: { id: offer.id } }, offered)).error?.code).toBe('ACTIVITY_CANCELLED');
    expect((await t.call(routes.signUp, { params: { id: a.id }, body: {} }, leaver)).error?.code).toBe('ACTIVITY_CANCELLED');
  });

  it('leaves nothing for the sweeper: offers do not expire, no one becomes a no-show or is reminded', async () => {
    const [holder, offered] = await Promise.all(['holder', 'offered'].map((name) => t.login({ openid: `sweep-${name}`, nickname: name })));
    const a = await publishedActivity(t, committee, home, { seats: 1, offerHoldMinutes: 10 });
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, holder));
    const waiting = ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, offered));
    ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, holder));
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, holder));
    expect((await rowsOf(a.id)).find((s) => s.id === waiting.id)?.status).toBe('offered');
    ok(await t.call(routes.cancelActivity, { params: { id: a.id }, body: { reason: '下雨' } }, committee));
    const noticesBefore = await t.db.run((em) => em.countBy(InboxItem, { activityId: a.id }));
    const before = await rowsOf(a.id);

    const sweeper = t.app.get(ActivitySweeper);
    for (const hours of [1, 50, 24]) {
      // Past the offer's hold, into the reminder window (a day before the start), past the end.
      t.clock.advance(hours * HOURS);
      await sweeper.runOnce();
    }

    expect(await rowsOf(a.id)).toEqual(before);
    expect(await t.db.run((em) => em.countBy(InboxItem, { activityId: a.id }))).toBe(noticesBefore);
    expect(await counters(a.id)).toEqual({ seatsTaken: 0, volunteersTaken: 0, waitlistCount: 0 });
  });

  it('gives no place to a sign-up that read the activity just before it was cancelled', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 5 });
    ok(await t.call(routes.cancelActivity, { params: { id: a.id }, body: { reason: '临时取消' } }, committee));
    // What a sign-up that had already passed its checks would try next: the counters refuse a cancelled activity.
    const repo = t.app.get(ActivitiesRepository);
    expect(await repo.takeSeats(a.id, 1)).toBe(false);
    expect(await repo.takeVolunteerSlot(a.id)).toBe(false);
    expect(await repo.joinWaitlist(a.id)).toBe(false);
    expect(await counters(a.id)).toEqual({ seatsTaken: 0, volunteersTaken: 0, waitlistCount: 0 });
  });

  it('keeps the seats of residents already checked in and the activity says so', async () => {
    const [early, late] = await Promise.all(['early', 'late'].map((name) => t.login({ openid: `checkin-${name}`, nickname: name })));
    const a = await publishedActivity(t, committee, home, { seats: 5 });
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, early));
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, late));
    const token = ok(await t.call(routes.getActivity, { params: { id: a.id } }, committee)).checkinToken!;
    t.clock.advance(72 * HOURS - 30 * 60_000); // half an hour before the start: check-in is open
    ok(await t.call(routes.checkIn, { params: { id: a.id }, body: { token } }, early));

    ok(await t.call(routes.cancelActivity, { params: { id: a.id }, body: { reason: '突发停电' } }, committee));

    expect((await rowsOf(a.id)).map((s) => s.status)).toEqual(['attended', 'activity_cancelled']);
    expect(await counters(a.id)).toEqual({ seatsTaken: 1, volunteersTaken: 0, waitlistCount: 0 });
    expect((await t.call(routes.checkIn, { params: { id: a.id }, body: { token } }, late)).error?.code).toBe('ACTIVITY_CANCELLED');
  });
});
