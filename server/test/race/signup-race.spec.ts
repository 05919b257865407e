import { routes } from '@linli/shared';
import { ActivitySweeper } from '../../src/activities/activity-sweeper.js';
import { Activity } from '../../src/activities/activity.entity.js';
import { Signup } from '../../src/activities/signup.entity.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const RESIDENTS = 500;

/** Seats are counted in the database: exact under any mix of concurrent sign-ups, cancellations and expiries. */
describe('sign-ups under concurrency', () => {
  let t: TestApp;
  let committee: string;
  let home: number;
  let tokens: string[];

  // Hundreds of residents are made through the API: on MySQL on a loaded CI machine that alone can pass a minute.
  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    home = (await communityIds(t))['幸福里社区'];
    tokens = [];
    for (let i = 0; i < RESIDENTS; i += 100) {
      const batch = Array.from({ length: Math.min(100, RESIDENTS - i) }, (_, j) => t.login({ openid: `rush-${i + j}`, nickname: `居民${i + j}` }));
      tokens.push(...(await Promise.all(batch)));
    }
  }, 240_000);
  afterAll(() => t.close());

  /** What must hold whatever happened: counters equal the rows they count, never beyond capacity, one live sign-up each. */
  async function expectInvariants(activityId: number) {
    const [activity, rows] = await t.db.run((em) =>
      Promise.all([em.findOneByOrFail(Activity, { id: activityId }), em.findBy(Signup, { activityId, role: 'participant' })]),
    );
    const holding = rows.filter((r) => ['confirmed', 'offered', 'attended'].includes(r.status));
    expect(activity.seatsTaken).toBe(holding.reduce((sum, r) => sum + r.size, 0));
    expect(activity.seatsTaken).toBeLessThanOrEqual(activity.seats);
    expect(activity.waitlistCount).toBe(rows.filter((r) => r.status === 'waitlisted').length);
    const live = rows.filter((r) => r.active === 1).map((r) => r.userId);
    expect(new Set(live).size).toBe(live.length);
    return { activity, rows };
  }

  it(`gives exactly 20 seats to ${RESIDENTS} residents signing up at once and waitlists the rest in order`, async () => {
    const a = await publishedActivity(t, committee, home, { seats: 20 });
    const replies = await Promise.all(tokens.map((token) => t.call(routes.signUp, { params: { id: a.id }, body: {} }, token)));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const statuses = replies.map((r) => ok(r).status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(RESIDENTS - 20);

    const { activity, rows } = await expectInvariants(a.id);
    expect(activity).toMatchObject({ seatsTaken: 20, waitlistCount: RESIDENTS - 20 });
    // Arrival order is one order: every confirmed sign-up came before every waitlisted one, positions 1..n.
    const confirmedIds = rows.filter((r) => r.status === 'confirmed').map((r) => r.id);
    const waitlisted = rows.filter((r) => r.status === 'waitlisted').map((r) => r.id);
    expect(Math.max(...confirmedIds)).toBeLessThan(Math.min(...waitlisted));
    const list = ok(await t.call(routes.listSignups, { params: { id: a.id } }, committee));
    const positions = list.items.filter((s) => s.status === 'waitlisted').map((s) => s.waitlistPosition);
    expect(positions).toEqual(Array.from({ length: RESIDENTS - 20 }, (_, i) => i + 1));
    expect(list.fill).toEqual({ seats: 20, seatsTaken: 20, percent: 100, threshold: 100 });
  });

  it('accepts exactly one of 50 simultaneous sign-ups by one resident', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 100 });
    const replies = await Promise.all(Array.from({ length: 50 }, () => t.call(routes.signUp, { params: { id: a.id }, body: {} }, tokens[0])));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.error?.code === 'SIGNUP_DUPLICATE')).toHaveLength(49);
    const { activity, rows } = await expectInvariants(a.id);
    expect(activity.seatsTaken).toBe(1);
    expect(rows).toHaveLength(1);
  });

  it('keeps the counters exact through interleaved cancellations, sign-ups, offer expiries and acceptances', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 10, offerHoldMinutes: 10, companionsAllowed: 2 });
    const first = tokens.slice(0, 60);
    const sizes = (i: number) => Array.from({ length: i % 3 }, (_, k) => ({ name: `家人${k}`, relation: '家人' }));
    await Promise.all(first.map((token, i) => t.call(routes.signUp, { params: { id: a.id }, body: { companions: sizes(i) } }, token)));
    await expectInvariants(a.id);

    const sweeper = t.app.get(ActivitySweeper);
    for (let round = 0; round < 3; round++) {
      const offset = round * 20;
      const actions = [
        // Half the early ones leave (confirmed, waitlisted or holding an offer)...
        ...first.slice(offset, offset + 15).map((token) => t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, token)),
        // ...newcomers join...
        ...tokens.slice(100 + offset, 120 + offset).map((token, i) =>
          t.call(routes.signUp, { params: { id: a.id }, body: { companions: sizes(i) } }, token),
        ),
        // ...offers run out while others are answered.
        sweeper.runOnce(),
        ...first.slice(30 + offset / 2, 40 + offset / 2).map(async (token) => {
          const mine = ok(await t.call(routes.getActivity, { params: { id: a.id } }, token)).mySignups[0];
          return mine?.status === 'offered' ? t.call(routes.acceptOffer, { params: { id: mine.id } }, token) : null;
        }),
      ];
      const results = await Promise.all(actions);
      for (const r of results) if (r && 'status' in r && typeof r.status === 'number') expect(r.status).toBeLessThan(500);
      t.clock.advance(11 * 60_000);
      await expectInvariants(a.id);
    }
    await sweeper.runOnce();
    const { rows } = await expectInvariants(a.id);
    // Nobody is left waiting while seats they fit in are free.
    const activity = await t.db.run((em) => em.findOneByOrFail(Activity, { id: a.id }));
    const free = activity.seats - activity.seatsTaken;
    expect(rows.filter((r) => r.status === 'waitlisted' && r.size <= free)).toEqual([]);
  });
});
