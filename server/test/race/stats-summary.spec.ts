import { routes } from '@linli/shared';
import { ActivitySweeper } from '../../src/activities/activity-sweeper.js';
import { communityIds, HOURS, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { recountStatsSummary, statsSummary } from '../support/stats-summary.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const RESIDENTS = 60;
const DAYS = 24 * HOURS;

/**
 * The dashboard's monthly summary is kept by the writes themselves (StatsMonthWriter): whatever mix of them ran,
 * concurrently or not, it must equal what a recount from the raw rows gives.
 */
describe('the statistics summary under a mix of writes', () => {
  let t: TestApp;
  let committee: string;
  let home: number;
  let tokens: string[];
  const tokenOf = new Map<number, string>();

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    home = (await communityIds(t))['幸福里社区'];
    tokens = await Promise.all(Array.from({ length: RESIDENTS }, (_, i) => t.login({ openid: `summary-${i}`, nickname: `居民${i}` })));
    for (const token of tokens) tokenOf.set(ok(await t.call(routes.me, {}, token)).id, token);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const signUp = (id: number, token: string, role: 'participant' | 'volunteer' = 'participant') =>
    t.call(routes.signUp, { params: { id }, body: { role } }, token);
  const cancel = (id: number, token: string) => t.call(routes.cancelMySignup, { params: { id }, query: { role: 'participant' } }, token);
  const checkinToken = async (id: number) => ok(await t.call(routes.getActivity, { params: { id } }, committee)).checkinToken!;

  it('equals a recount from the raw rows after concurrent sign-ups, cancellations, offers, check-ins, no-shows, moves and verifications', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 10, waitlistEnabled: true, offerHoldMinutes: 10, volunteerSlots: 2 });
    const b = await publishedActivity(t, committee, home, { seats: 5, waitlistEnabled: true });
    const c = await publishedActivity(t, committee, home, { seats: 8 });

    // The rush: everyone at once on two activities of the same community and month.
    const rush = await Promise.all([...tokens.map((token) => signUp(a.id, token)), ...tokens.slice(0, 30).map((token) => signUp(b.id, token))]);
    expect(rush.every((r) => r.status === 201)).toBe(true);
    ok(await signUp(a.id, tokens[59], 'volunteer'));
    await Promise.all(tokens.slice(40, 50).map((token) => signUp(c.id, token)));

    // Cancellations of held seats and waitlist places, racing new sign-ups elsewhere; freed seats go out as offers.
    await Promise.all([...tokens.slice(0, 4).map((token) => cancel(a.id, token)), ...tokens.slice(20, 26).map((token) => cancel(a.id, token)), ...tokens.slice(30, 40).map((token) => signUp(c.id, token))]);
    const offered = ok(await t.call(routes.listSignups, { params: { id: a.id } }, committee)).items.filter((s) => s.status === 'offered');
    expect(offered.length).toBeGreaterThan(1);
    await Promise.all(offered.slice(0, 2).map((s) => t.call(routes.acceptOffer, { params: { id: s.id } }, tokenOf.get(s.user.id)!)));
    // The other offers lapse; the sweeper passes them on.
    t.clock.set(new Date(Date.now() + 11 * 60_000));
    const sweeper = t.app.get(ActivitySweeper);
    await sweeper.runOnce();

    // b moves to a later month; c is cancelled with its sign-ups.
    const later = (iso: string) => new Date(Date.parse(iso) + 40 * DAYS).toISOString();
    ok(await t.call(routes.updateActivity, { params: { id: b.id }, body: { startsAt: later(b.startsAt), endsAt: later(b.endsAt) } }, committee));
    ok(await t.call(routes.cancelActivity, { params: { id: c.id }, body: { reason: '场地临时维修' } }, committee));

    // a happens: some check in, the volunteer works an hour, the rest become no-shows after the end.
    const token = await checkinToken(a.id);
    t.clock.set(new Date(Date.parse(a.startsAt) - 10 * 60_000));
    const confirmed = ok(await t.call(routes.listSignups, { params: { id: a.id } }, committee)).items.filter((s) => s.status === 'confirmed' && s.role === 'participant');
    await Promise.all(confirmed.slice(0, 5).map((s) => t.call(routes.checkIn, { params: { id: a.id }, body: { token } }, tokenOf.get(s.user.id)!)));
    ok(await t.call(routes.checkIn, { params: { id: a.id }, body: { token } }, tokens[59]));
    t.clock.set(new Date(Date.parse(a.startsAt) + 60 * 60_000));
    ok(await t.call(routes.checkIn, { params: { id: a.id }, body: { token } }, tokens[59]));
    t.clock.set(new Date(Date.parse(a.endsAt) + 60_000));
    expect((await sweeper.runOnce()).noShows).toBeGreaterThan(0);

    // A newcomer is verified; a verified resident deletes their account.
    const newcomer = tokens[58];
    const [household] = ok(await t.call(routes.households, { params: { id: home }, query: { building: '5栋', unit: '2单元' } }, newcomer)).items;
    const claim = ok(await t.call(routes.createResidencyClaim, { body: { householdId: household.id, realName: '周小明' } }, newcomer));
    ok(await t.call(routes.approveResidencyClaim, { params: { id: claim.id } }, committee));
    ok(await t.call(routes.deleteMyAccount, {}, await t.login('resident2')));

    const maintained = await statsSummary(t.db);
    const metrics = new Set(Object.keys(maintained).map((key) => key.split(' ')[2]));
    for (const metric of ['signup:attended', 'signup:no_show', 'signup:cancelled', 'signup:waitlisted', 'signup:offer_expired', 'volunteer_minutes', 'residents_verified']) {
      expect(metrics).toContain(metric);
    }
    await recountStatsSummary(t.db);
    expect(maintained).toEqual(await statsSummary(t.db));
  });
});
