import { randomBytes } from 'node:crypto';
import { routes } from '@linli/shared';
import { BallotWriter } from '../../src/polls/ballot-writer.js';
import { communityIds } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { choose, expectTalliesEqualBallots, openPoll, verifiedResidents, type TestResident } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** One vote per person or household holds under any burst of concurrent ballots, and tallies equal ballots. */
describe('votes under concurrency', () => {
  let t: TestApp;
  let committee: string;
  let home: number;
  /** 100 households with one verified resident each, in 8栋. */
  let singles: TestResident[];
  /** 30 households with three verified residents each, in 7栋. */
  let families: TestResident[];

  // Hundreds of residents are made through the API: on MySQL on a loaded CI machine that alone can pass a minute.
  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    home = (await communityIds(t))['幸福里社区'];
    singles = await verifiedResidents(t, committee, home, { prefix: '单', building: '8栋', households: 100, openidPrefix: 'single' });
    families = await verifiedResidents(t, committee, home, { prefix: '家', building: '7栋', households: 30, perHousehold: 3, openidPrefix: 'family' });
  }, 240_000);
  afterAll(() => t.close());

  it('counts exactly 100 of 100 eligible voters each sending two ballots at once', async () => {
    const poll = await openPoll(t, committee, home, { buildings: ['8栋'], resultsVisibility: 'live' });
    const replies = await Promise.all(
      singles.flatMap((r, i) => [0, 1].map((k) => t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, (i + k) % 3) } }, r.token))),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(100);
    expect(replies.filter((r) => r.error?.code === 'BALLOT_DUPLICATE')).toHaveLength(100);
    const { ballots: counted, participation } = await expectTalliesEqualBallots(t, poll.id);
    expect(counted).toBe(100);
    expect(new Set(participation.map((p) => p.voterKey))).toEqual(new Set(singles.map((r) => `u:${r.userId}`)));
    const results = ok(await t.call(routes.pollResults, { params: { id: poll.id } }, singles[0].token));
    expect(results.turnout).toMatchObject({ ballotsCast: 100, eligible: 100, percent: 100 });
    expect(results.questions?.[0].options.reduce((sum, o) => sum + o.votes, 0)).toBe(100);
  });

  it('counts one ballot per household when every member votes at once', async () => {
    const poll = await openPoll(t, committee, home, { buildings: ['7栋'], voterMode: 'household' });
    const replies = await Promise.all(
      families.map((r, i) => t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, i % 2) } }, r.token)),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(30);
    expect(replies.filter((r) => r.error?.code === 'BALLOT_DUPLICATE')).toHaveLength(60);
    const { ballots: counted, participation } = await expectTalliesEqualBallots(t, poll.id);
    expect(counted).toBe(30);
    expect(new Set(participation.map((p) => p.voterKey))).toEqual(new Set(families.map((r) => `h:${r.householdId}`)));
  });

  it('never doubles a paper ballot entered while the same residents vote online', async () => {
    const poll = await openPoll(t, committee, home, { buildings: ['8栋'] });
    const voters = singles.slice(0, 40);
    const replies = await Promise.all(
      voters.flatMap((r) => [
        t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 0) } }, r.token),
        t.call(routes.enterPaperBallot, { params: { id: poll.id }, body: { userId: r.userId, answers: choose(poll, 1) } }, committee),
      ]),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(40);
    const refused = replies.filter((r) => r.error).map((r) => r.error!.code);
    expect(refused).toHaveLength(40);
    expect(new Set(refused).size).toBeLessThanOrEqual(2);
    for (const code of refused) expect(['BALLOT_DUPLICATE', 'PAPER_BALLOT_DUPLICATE']).toContain(code);
    const { ballots: counted } = await expectTalliesEqualBallots(t, poll.id);
    expect(counted).toBe(40);
  });

  it('writes ballots arriving together in shared transactions, refuses the ineligible among them, and one broken ballot fails only itself', async () => {
    const poll = await openPoll(t, committee, home, { buildings: ['8栋'] });
    const writer = t.app.get(BallotWriter);
    // 60 eligible voters of 8栋, then 5 of 7栋, who may not vote in it.
    const voters = [...singles.slice(0, 60), ...families.slice(0, 5)];
    const question = poll.questions[0];
    // Two ballots (voters 10 and 40) reuse one ballot id: whichever comes second breaks its group's ballot insert.
    const ballotId = (i: number) => (i === 10 || i === 40 ? 'b'.repeat(32) : randomBytes(16).toString('hex'));
    const outcomes = await Promise.allSettled(
      voters.map((r, i) =>
        writer.write({
          pollId: poll.id,
          voter: { userId: r.userId, communityId: home, buildings: ['8栋'], mode: 'person' },
          namedBallotId: null,
          at: new Date(),
          ballot: { id: ballotId(i), pollId: poll.id, answers: JSON.stringify([{ questionId: question.id, optionIds: [question.options[0].id] }]), opinion: '', opinionHeld: 0, receiptHash: randomBytes(32).toString('hex') },
          choices: [{ questionId: question.id, optionId: question.options[0].id }],
        }),
      ),
    );
    const recorded = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'recorded');
    expect(recorded).toHaveLength(59);
    expect(outcomes.slice(60).map((o) => o.status === 'fulfilled' && o.value)).toEqual(Array(5).fill('not_recorded'));
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    const { ballots: counted, participation } = await expectTalliesEqualBallots(t, poll.id);
    expect(counted).toBe(59);
    // The broken ballot left nothing behind: its voter took no part and may still vote.
    const broken = voters[outcomes.findIndex((o) => o.status === 'rejected')];
    expect(participation.some((p) => p.voterKey === `u:${broken.userId}`)).toBe(false);
    expect((await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 1) } }, broken.token)).status).toBe(201);
  });

  it('counts every ballot that was accepted and none after an early close racing them', async () => {
    const poll = await openPoll(t, committee, home, { buildings: ['8栋'] });
    const votes = singles.map((r) => t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 2) } }, r.token));
    const close = t.call(routes.closePoll, { params: { id: poll.id } }, committee);
    const replies = await Promise.all(votes);
    ok(await close);
    const accepted = replies.filter((r) => r.status === 201).length;
    expect(replies.filter((r) => r.status !== 201).every((r) => r.error?.code === 'POLL_CLOSED')).toBe(true);
    const { ballots: counted } = await expectTalliesEqualBallots(t, poll.id);
    expect(counted).toBe(accepted);
    const late = await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, singles[0].token);
    expect(['POLL_CLOSED', 'BALLOT_DUPLICATE']).toContain(late.error?.code);
    expect((await expectTalliesEqualBallots(t, poll.id)).ballots).toBe(accepted);
  });
});
