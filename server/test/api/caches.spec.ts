import { routes } from '@linli/shared';
import { ActivitiesRepository } from '../../src/activities/activities.repository.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { choose, openPoll } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;

/**
 * The in-process caches of what residents read at once (activity lists, the feed, live results) follow one rule
 * (CacheInvalidator): after commit, per community, only when something changed; counters ride the TTL.
 */
describe('hot-path caches', () => {
  let t: TestApp;
  let admin: string;
  let resident: string;
  let resident2: string;
  let committee: string;
  let home: number;
  let other: number;

  beforeAll(async () => {
    // A long slice, so a test never crosses into the next one: what a read shows then comes from the cache alone.
    t = await createTestApp({ listCacheMs: 10 * MINUTE, resultsCacheMs: 1000 });
    [admin, resident, resident2, committee] = await Promise.all((['street-admin', 'resident', 'resident2', 'committee'] as const).map((p) => t.login(p)));
    const c = await communityIds(t);
    home = c['幸福里社区'];
    other = c['春晖园社区'];
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(new Date(Math.ceil(Date.now() / (10 * MINUTE)) * 10 * MINUTE + 1000)));
  afterEach(() => t.clock.reset());

  /** Changes an activity's title behind the caches' back: a cached page keeps showing the old one. */
  const sneak = (id: number, title: string) => t.db.rawQuery('UPDATE `activity` SET `title` = ? WHERE `id` = ?', [title, id]);
  const listed = async (communityId: number) =>
    ok(await t.call(routes.listActivities, { query: { communityId, range: 'upcoming', pageSize: 100 } }, resident)).items.map((a) => a.title);
  const feedActivities = async (communityId: number) =>
    ok(await t.call(routes.feed, { query: { communityId } }, resident)).activities.map((a) => a.title);

  it('live results after a quiet spell are read afresh, not served from before it', async () => {
    const poll = await openPoll(t, committee, home, { resultsVisibility: 'live', minBallots: 1 });
    const results = async () => ok(await t.call(routes.pollResults, { params: { id: poll.id } }, resident)).turnout?.ballotsCast;
    ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, resident));
    expect(await results()).toBe(1);
    ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, resident2));
    t.clock.advance(45_000);
    expect(await results()).toBe(2);
  });

  it('closing a poll shows in its results at once', async () => {
    const poll = await openPoll(t, committee, home, { resultsVisibility: 'live', minBallots: 1 });
    const phase = async () => ok(await t.call(routes.pollResults, { params: { id: poll.id } }, resident)).phase;
    expect(await phase()).toBe('open');
    ok(await t.call(routes.closePoll, { params: { id: poll.id } }, committee));
    expect(await phase()).toBe('closed');
  });

  it('a write in one community leaves another community’s cached list and feed alone, and refreshes its own', async () => {
    const there = await publishedActivity(t, admin, other, { title: '春晖园的活动' });
    expect(await listed(other)).toContain('春晖园的活动');
    expect(await feedActivities(other)).toContain('春晖园的活动');
    await sneak(there.id, '改过的标题');

    const here = await publishedActivity(t, admin, home, { title: '幸福里的新活动' });
    expect(await listed(home)).toContain('幸福里的新活动');
    expect(await feedActivities(home)).toContain('幸福里的新活动');
    expect(await listed(other)).toContain('春晖园的活动');
    expect(await feedActivities(other)).toContain('春晖园的活动');

    // A write in that community does refresh it.
    ok(await t.call(routes.updateActivity, { params: { id: there.id }, body: { place: '春晖园活动室' } }, admin));
    expect(await listed(other)).toContain('改过的标题');
    expect(await feedActivities(other)).toContain('改过的标题');
    expect(here.communityId).toBe(home);
  });

  it('seats taken (and refused) do not empty the caches: counters ride the TTL', async () => {
    const activity = await publishedActivity(t, admin, home, { title: '只有一个座位', seats: 1 });
    expect(await listed(home)).toContain('只有一个座位');
    expect(await feedActivities(home)).toContain('只有一个座位');
    await sneak(activity.id, '没有读到的标题');
    ok(await t.call(routes.signUp, { params: { id: activity.id }, body: { role: 'participant' } }, resident));
    await t.call(routes.signUp, { params: { id: activity.id }, body: { role: 'participant' } }, resident2);
    expect(await listed(home)).toContain('只有一个座位');
    expect(await feedActivities(home)).toContain('只有一个座位');
  });

  it('a write that rolls back, or matches nothing, drops nothing', async () => {
    const activity = await publishedActivity(t, admin, home, { title: '回滚前' });
    const repository = t.app.get(ActivitiesRepository, { strict: false });
    expect(await listed(home)).toContain('回滚前');
    await sneak(activity.id, '回滚后也不该读到');
    await expect(
      t.db.transaction(async () => {
        await repository.updateEditable(activity.id, { place: '别处' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await repository.transition(activity.id, ['draft'], { status: 'published' })).toBe(false);
    expect(await listed(home)).toContain('回滚前');
  });

  it('drops after the commit: a reader during the transaction cannot cache the old rows past it', async () => {
    const activity = await publishedActivity(t, admin, home, { title: '提交前' });
    const repository = t.app.get(ActivitiesRepository, { strict: false });
    expect(await listed(home)).toContain('提交前');
    let during: Promise<string[]> = Promise.resolve([]);
    await t.db.transaction(async () => {
      await repository.updateEditable(activity.id, { title: '提交后' });
      // On MySQL this read runs now, beside the transaction, and sees the old title; SQLite makes it wait.
      during = listed(home);
      await Promise.race([during, new Promise((r) => setTimeout(r, 300))]);
    });
    await during;
    expect(await listed(home)).toContain('提交后');
  });
});
