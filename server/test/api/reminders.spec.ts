import { routes } from '@linli/shared';
import { ActivitySweeper } from '../../src/activities/activity-sweeper.js';
import { InboxItem } from '../../src/notifications/inbox-item.entity.js';
import { activityInput, communityIds, HOURS, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;

/** Each activity's reminder lead time: staff choose it, REMINDER_HOURS by default; the sign-up says what will happen. */
describe('activity reminders', () => {
  let t: TestApp;
  let committee: string;
  let resident: string;
  let resident2: string;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp({ reminderHours: 3 });
    [committee, resident, resident2] = await Promise.all((['committee', 'resident', 'resident2'] as const).map((p) => t.login(p)));
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const reminders = (activityId: number) => t.db.run((em) => em.find(InboxItem, { where: { activityId, kind: 'activity_reminder' } }));
  const sweep = () => t.app.get(ActivitySweeper).runOnce();

  it('takes REMINDER_HOURS unless staff choose, and the sign-up answers with the real reminder time', async () => {
    const byDefault = await publishedActivity(t, committee, home);
    expect(byDefault.reminderMinutes).toBe(3 * 60);
    const chosen = await publishedActivity(t, committee, home, { reminderMinutes: 2 * 60 });
    expect(chosen.reminderMinutes).toBe(120);

    const signup = ok(await t.call(routes.signUp, { params: { id: chosen.id }, body: {} }, resident));
    expect(signup.status).toBe('confirmed');
    expect(signup.reminderAt).toBe(new Date(new Date(chosen.startsAt).getTime() - 2 * HOURS).toISOString());

    // The sweeper keeps that promise: nothing three hours before, the reminder two hours before.
    t.clock.set(new Date(new Date(chosen.startsAt).getTime() - 3 * HOURS + MINUTE));
    await sweep();
    expect(await reminders(chosen.id)).toHaveLength(0);
    t.clock.set(new Date(new Date(chosen.startsAt).getTime() - 2 * HOURS + MINUTE));
    await sweep();
    expect(await reminders(chosen.id)).toHaveLength(1);
  });

  it('moves the reminder when staff change the lead time or the start', async () => {
    const a = await publishedActivity(t, committee, home);
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident));
    const updated = ok(await t.call(routes.updateActivity, { params: { id: a.id }, body: { reminderMinutes: 30 } }, committee));
    expect(updated.reminderMinutes).toBe(30);
    t.clock.set(new Date(new Date(a.startsAt).getTime() - 60 * MINUTE));
    await sweep();
    expect(await reminders(a.id)).toHaveLength(0);
    t.clock.set(new Date(new Date(a.startsAt).getTime() - 29 * MINUTE));
    await sweep();
    expect(await reminders(a.id)).toHaveLength(1);
  });

  it('promises no reminder for an activity starting sooner than its lead time, and sends none', async () => {
    const now = Math.floor(t.clock.now().getTime() / 1000) * 1000;
    const at = (ms: number) => new Date(now + ms).toISOString();
    const soon = await publishedActivity(t, committee, home, { startsAt: at(30 * MINUTE), endsAt: at(2 * HOURS), signupClosesAt: at(30 * MINUTE), cancelDeadline: at(10 * MINUTE) });
    const signup = ok(await t.call(routes.signUp, { params: { id: soon.id }, body: {} }, resident2));
    expect(signup.status).toBe('confirmed');
    expect(signup.reminderAt).toBeNull();
    await sweep();
    expect(await reminders(soon.id)).toHaveLength(0);
  });

  it('refuses a lead time out of bounds with VALIDATION_FAILED', async () => {
    const created = await t.call(routes.createActivity, { body: { ...activityInput(t, home), reminderMinutes: 5 } }, committee);
    expect(created).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
  });
});
