import { randomBytes } from 'node:crypto';
import { routes } from '@linli/shared';
import { PollParticipation } from '../../src/polls/poll-participation.entity.js';
import { asStored, communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { openPoll } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const newKey = () => randomBytes(16).toString('base64url');

/**
 * A retried action (same Idempotency-Key) whose first try counted answers with that outcome, not 409: the answer
 * to the first try may have been lost (a 503 on a COMMIT that went through, a dropped connection).
 */
describe('retrying a sign-up or a ballot', () => {
  let t: TestApp;
  let committee: string;
  let resident: string;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, resident] = await Promise.all((['committee', 'resident'] as const).map((p) => t.login(p)));
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());

  const choose = (poll: { questions: { id: number; options: { id: number }[] }[] }, i = 0) =>
    poll.questions.map((q) => ({ questionId: q.id, optionIds: [q.options[i].id] }));

  it('answers a repeated sign-up with the existing sign-up, even once the seats are gone', async () => {
    const a = await publishedActivity(t, committee, home, { seats: 1, waitlistEnabled: false });
    const key = { 'idempotency-key': newKey() };
    const body = { companions: [] };
    const first = ok(await t.call(routes.signUp, { params: { id: a.id }, body }, resident, key));
    const again = ok(await t.call(routes.signUp, { params: { id: a.id }, body }, resident, key));
    expect(asStored(again)).toEqual(asStored(first));
    // Without a key a second tap is still told it is a duplicate, as before.
    expect((await t.call(routes.signUp, { params: { id: a.id }, body }, resident)).error?.code).toBe('SIGNUP_DUPLICATE');
    const detail = ok(await t.call(routes.getActivity, { params: { id: a.id } }, committee));
    expect(detail.seatsTaken).toBe(1);
  });

  it('answers a repeated secret ballot with the receipt of the ballot that counted, and keeps voter and ballot apart', async () => {
    const poll = await openPoll(t, committee, home);
    const key = { 'idempotency-key': newKey() };
    const first = ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 0) } }, resident, key));
    // The retry's answers differ (the first answer was lost and the form changed): the ballot that counted stands.
    const again = ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 1) } }, resident, key));
    expect(again).toEqual(first);
    expect(ok(await t.call(routes.checkReceipt, { params: { id: poll.id, code: again.receiptCode } }, resident)).counted).toBe(true);
    // Another key (another phone, a reinstalled app) cannot recover the receipt: it is told it already voted.
    const other = await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, resident, { 'idempotency-key': newKey() });
    expect([other.status, other.error?.code]).toEqual([409, 'BALLOT_DUPLICATE']);
    // The participation row names no ballot for a secret poll: the receipt is derived, not stored beside the voter.
    const rows = await t.db.run((em) => em.find(PollParticipation, { where: { pollId: poll.id } }));
    expect(rows).toHaveLength(1);
    expect(rows[0].namedBallotId).toBeNull();
    const ballots = await t.db.rawQuery<{ n: number }>('SELECT COUNT(*) AS n FROM poll_ballot WHERE pollId = ?', [poll.id]);
    expect(Number(ballots[0].n)).toBe(1);
  });

  it('gives a named ballot back with the answers that were counted', async () => {
    const poll = await openPoll(t, committee, home, { secrecy: 'named' });
    const key = { 'idempotency-key': newKey() };
    const first = ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 2) } }, resident, key));
    const again = ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 0) } }, resident, key));
    expect(again).toEqual(first);
    expect(again.answers).toEqual(choose(poll, 2));
  });

  it('refuses a malformed key with a field error', async () => {
    const poll = await openPoll(t, committee, home);
    const reply = await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, resident, { 'idempotency-key': 'short' });
    expect([reply.status, reply.error?.code, reply.error?.fields?.[0].path]).toEqual([400, 'VALIDATION_FAILED', 'headers.idempotency-key']);
  });
});
