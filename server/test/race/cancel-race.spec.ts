import { routes } from '@linli/shared';
import { Activity } from '../../src/activities/activity.entity.js';
import { Signup } from '../../src/activities/signup.entity.js';
import { InboxItem } from '../../src/notifications/inbox-item.entity.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const RESIDENTS = 150;

/** A cancellation landing in the middle of a sign-up rush: no sign-up outlives it, whichever way they interleave. */
describe('cancelling during a sign-up rush', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('ends every sign-up that got in, refuses the rest with ACTIVITY_CANCELLED and tells each resident once', async () => {
    const committee = await t.login('committee');
    const home = (await communityIds(t))['幸福里社区'];
    const tokens = await Promise.all(Array.from({ length: RESIDENTS }, (_, i) => t.login({ openid: `cancel-rush-${i}`, nickname: `居民${i}` })));
    const a = await publishedActivity(t, committee, home, { seats: 20 });

    // Sign-ups arrive in waves; the cancellation is sent among them, so some land before it, some during, some after.
    const signUps = [];
    let cancel;
    for (let i = 0; i < RESIDENTS; i += 10) {
      signUps.push(...tokens.slice(i, i + 10).map((token) => t.call(routes.signUp, { params: { id: a.id }, body: {} }, token)));
      if (i === 50) cancel = t.call(routes.cancelActivity, { params: { id: a.id }, body: { reason: '临时有事' } }, committee);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [replies, cancelled] = await Promise.all([Promise.all(signUps), cancel!]);

    expect(cancelled.status).toBe(200);
    const accepted = replies.filter((r) => r.status === 201);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(RESIDENTS);
    expect(replies.filter((r) => r.status !== 201).every((r) => r.error?.code === 'ACTIVITY_CANCELLED')).toBe(true);

    const [activity, rows, notices] = await t.db.run((em) =>
      Promise.all([
        em.findOneByOrFail(Activity, { id: a.id }),
        em.findBy(Signup, { activityId: a.id }),
        em.findBy(InboxItem, { activityId: a.id, kind: 'activity_cancelled' }),
      ]),
    );
    expect(activity).toMatchObject({ status: 'cancelled', seatsTaken: 0, volunteersTaken: 0, waitlistCount: 0 });
    expect(rows).toHaveLength(accepted.length);
    expect(rows.every((r) => r.status === 'activity_cancelled' && r.active === null)).toBe(true);
    expect(notices.map((n) => n.userId).sort()).toEqual(rows.map((r) => r.userId).sort());
  });
});
