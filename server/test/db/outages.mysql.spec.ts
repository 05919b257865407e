import { randomBytes } from 'node:crypto';
import { routes, type AnyRoute } from '@linli/shared';
import { asStored, communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { openPoll } from '../support/polls.js';
import { PrivateMariadb } from '../support/private-mariadb.js';
import { createTestApp, type Reply, type TestApp } from '../support/test-app.js';

const newKey = () => randomBytes(16).toString('base64url');
/** Short bounds, so the test waits seconds, not the production default's ten. */
const timeouts = { connectMs: 1000, acquireMs: 1500, queryMs: 1500 };
/** The longest a request may take to answer 503: waiting for a connection, then for one statement, and slack. */
const ANSWER_WITHIN_MS = timeouts.acquireMs + timeouts.queryMs + 1500;

/**
 * The database killed (SIGKILL) or frozen (SIGSTOP) under a running server, on a MariaDB of the test's own:
 * requests answer 503 DATABASE_UNAVAILABLE with Retry-After within the timeouts, nothing is committed after that
 * answer, readiness follows the database while liveness stays up, and retrying after recovery is safe.
 */
describe('database outages', () => {
  let db: PrivateMariadb;
  let t: TestApp;
  let committee: string;
  let resident: string;
  let home: number;

  beforeAll(async () => {
    db = await PrivateMariadb.start();
    t = await createTestApp({ database: { kind: 'mysql', url: db.url }, databaseTimeouts: timeouts });
    [committee, resident] = await Promise.all((['committee', 'resident'] as const).map((p) => t.login(p)));
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(async () => {
    db.thaw();
    await t?.close();
    await db?.remove();
  });

  const choose = (poll: { questions: { id: number; options: { id: number }[] }[] }) => poll.questions.map((q) => ({ questionId: q.id, optionIds: [q.options[0].id] }));
  const signUp = (activityId: number, key: string) => t.call(routes.signUp, { params: { id: activityId }, body: {} }, resident, { 'idempotency-key': key });
  const vote = (poll: Parameters<typeof choose>[0] & { id: number }, key: string) =>
    t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, resident, { 'idempotency-key': key });

  async function expectUnavailable(request: Promise<Reply<AnyRoute>>): Promise<void> {
    const started = Date.now();
    const reply = await request;
    expect({ status: reply.status, code: reply.error?.code, message: reply.error?.message, retryAfter: reply.headers.get('retry-after') }).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: '系统正在维护，请稍后再试',
      retryAfter: '5',
    });
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
  }

  async function expectLive(): Promise<void> {
    const started = Date.now();
    expect(ok(await t.call(routes.healthLive)).status).toBe('ok');
    expect(Date.now() - started).toBeLessThan(500);
  }

  /** What the database holds for the activity and the poll, read on a connection of its own. */
  async function committed(activityId: number, pollId: number) {
    const [signups] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM signup WHERE activityId = ?', [activityId]);
    const [votes] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM poll_participation WHERE pollId = ?', [pollId]);
    const [ballots] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM poll_ballot WHERE pollId = ?', [pollId]);
    return { signups: Number(signups.n), votes: Number(votes.n), ballots: Number(ballots.n) };
  }

  /** After recovery the same keys give one sign-up and one receipt, however often they are sent. */
  async function retriesAreSafe(activityId: number, poll: Parameters<typeof vote>[0], signupKey: string, ballotKey: string) {
    const signup = ok(await signUp(activityId, signupKey));
    expect(asStored(ok(await signUp(activityId, signupKey)))).toEqual(asStored(signup));
    const receipt = ok(await vote(poll, ballotKey));
    expect(ok(await vote(poll, ballotKey))).toEqual(receipt);
    expect(await committed(activityId, poll.id)).toEqual({ signups: 1, votes: 1, ballots: 1 });
  }

  it('frozen (SIGSTOP): answers 503 within the timeouts and commits nothing after that answer', async () => {
    const activity = await publishedActivity(t, committee, home, { seats: 5 });
    const poll = await openPoll(t, committee, home);
    expect(ok(await t.call(routes.health)).database.ok).toBe(true);
    const [signupKey, ballotKey] = [newKey(), newKey()];

    db.freeze();
    try {
      await expectUnavailable(signUp(activity.id, signupKey));
      await expectUnavailable(vote(poll, ballotKey));
      await expectUnavailable(t.call(routes.health));
      await expectLive();
    } finally {
      db.thaw();
    }
    // Whatever the frozen server still had in its sockets runs now: none of it may be a commit.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await committed(activity.id, poll.id)).toEqual({ signups: 0, votes: 0, ballots: 0 });
    expect(ok(await t.call(routes.health)).status).toBe('ok');
    await retriesAreSafe(activity.id, poll, signupKey, ballotKey);
  });

  it('killed (SIGKILL): answers 503 at once, health 503 then 200 after the restart, live throughout', async () => {
    const activity = await publishedActivity(t, committee, home, { seats: 5 });
    const poll = await openPoll(t, committee, home);
    const [signupKey, ballotKey] = [newKey(), newKey()];

    await db.kill();
    await expectUnavailable(signUp(activity.id, signupKey));
    await expectUnavailable(vote(poll, ballotKey));
    await expectUnavailable(t.call(routes.health));
    await expectLive();

    await db.restart();
    await expectLive();
    // The pool opens new connections as requests come: ready again with the first that succeeds.
    const deadline = Date.now() + 10_000;
    let health = await t.call(routes.health);
    while (health.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      health = await t.call(routes.health);
    }
    expect(health.status).toBe(200);
    await retriesAreSafe(activity.id, poll, signupKey, ballotKey);
  });
});
