import { routes } from '@linli/shared';
import { communityIds } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { choose, openPoll, pollInput, verifiedResidents, type TestResident } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Staff read the opinion box on screen (`GET /api/polls/:id/opinions`) under the export's rule: those who manage
 * the poll, once voting has closed, without the opinions held for review (only how many wait); each opinion is
 * its words alone, in the order of the random ballot ids.
 */
describe('the opinion box on screen', () => {
  let t: TestApp;
  let committee: string;
  let streetAdmin: string;
  let resident: string;
  let home: number;
  let other: number;
  let voters: TestResident[];

  beforeAll(async () => {
    t = await createTestApp();
    [committee, streetAdmin, resident] = await Promise.all((['committee', 'street-admin', 'resident'] as const).map((p) => t.login(p)));
    const c = await communityIds(t);
    home = c['幸福里社区'];
    other = c['春晖园社区'];
    voters = await verifiedResidents(t, committee, home, { prefix: '意见', building: '7栋', households: 7, openidPrefix: 'opinion' });
  });
  afterAll(() => t.close());

  const opinions = (id: number, page: number, pageSize: number, token = committee) => t.call(routes.pollOpinions, { params: { id }, query: { page, pageSize } }, token);
  const raw = async (id: number, query: string) =>
    (await (await fetch(`${t.base}/api/polls/${id}/opinions?${query}`, { headers: { authorization: `Bearer ${committee}` } })).json()) as Record<string, unknown> & {
      items?: Record<string, unknown>[];
    };
  const exported = async (id: number) =>
    (await fetch(`${t.base}/api/polls/${id}/results/export?format=csv`, { headers: { authorization: `Bearer ${committee}` } })).text();

  it('lists the opinions the export lists, page by page in ballot-id order, with no voter and no time; held ones are only counted', async () => {
    const poll = await openPoll(t, committee, home, { buildings: ['7栋'], opinionsEnabled: true, minBallots: 1 });
    // Two left the box empty; one is held for review (a contact for advertising).
    const words = ['希望晚上十点后关灯', '', '建议装声控灯，省电', '=cmd|calc', '楼道也要刷墙', '', '灯具团购请加微信号abc'];
    for (const [i, opinion] of words.entries()) {
      const receipt = ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll), opinion } }, voters[i].token));
      expect(receipt.opinionHeld).toBe(i === 6);
    }
    expect((await opinions(poll.id, 1, 10)).error?.code).toBe('POLL_NOT_CLOSED');
    ok(await t.call(routes.closePoll, { params: { id: poll.id } }, committee));

    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(ok(await opinions(poll.id, page, 2)));
    expect(pages.map((p) => [p.page, p.pageSize, p.total, p.held, p.items.length])).toEqual([
      [1, 2, 4, 1, 2],
      [2, 2, 4, 1, 2],
      [3, 2, 4, 1, 0],
    ]);
    const listed = pages.flatMap((p) => p.items.map((i) => i.opinion));
    const byBallotId = await t.db.run(
      (em) => em.query("SELECT opinion FROM poll_ballot WHERE pollId = ? AND opinion <> '' AND opinionHeld = 0 ORDER BY id", [poll.id]) as Promise<{ opinion: string }[]>,
    );
    expect(listed).toEqual(byBallotId.map((b) => b.opinion));
    expect([...listed].sort()).toEqual(['=cmd|calc', '希望晚上十点后关灯', '建议装声控灯，省电', '楼道也要刷墙'].sort());

    // Exactly these fields: nothing that names the voter or says when.
    const body = await raw(poll.id, 'page=1&pageSize=100');
    expect(Object.keys(body).sort()).toEqual(['held', 'items', 'page', 'pageSize', 'total']);
    for (const item of body.items!) expect(Object.keys(item)).toEqual(['opinion']);

    // The same opinions and the same held count as the export.
    const csv = await exported(poll.id);
    expect(csv).toContain('居民意见（4条）');
    expect(csv).toContain('另有1条意见待工作人员审核');
    for (const opinion of listed) expect(csv).toContain(opinion.startsWith('=') ? `'${opinion}` : opinion);
    expect(csv).not.toContain('灯具团购');

    // Approved, it is listed like the others (and in the export); the street admin manages it too.
    const [queued] = ok(await t.call(routes.heldContent, { params: { id: home } }, committee)).opinions.filter((o) => o.poll.id === poll.id);
    ok(await t.call(routes.decideHeldContent, { body: { kind: 'opinion', pollId: poll.id, ballotId: queued.ballotId, approve: true } }, committee));
    const after = ok(await opinions(poll.id, 1, 100, streetAdmin));
    expect(after).toMatchObject({ total: 5, held: 0 });
    expect(after.items.map((i) => i.opinion)).toContain('灯具团购请加微信号abc');
    expect(await exported(poll.id)).toContain('灯具团购请加微信号abc');

    // Still there after the 公示.
    ok(await t.call(routes.publishPollResult, { params: { id: poll.id }, body: { statement: '同意加装。' } }, committee));
    expect(ok(await opinions(poll.id, 1, 100)).items).toEqual(after.items);
  });

  it('lists nothing for a poll without the opinion box', async () => {
    const poll = await openPoll(t, committee, home, { buildings: ['7栋'], minBallots: 1 });
    ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, voters[0].token));
    ok(await t.call(routes.closePoll, { params: { id: poll.id } }, committee));
    expect(ok(await opinions(poll.id, 1, 20))).toEqual({ items: [], total: 0, held: 0, page: 1, pageSize: 20 });
  });

  it('is for the staff who manage the poll, once voting has closed, as the export is', async () => {
    const draft = ok(await t.call(routes.createPoll, { body: pollInput(t, home, { opinionsEnabled: true }) }, committee));
    expect((await opinions(draft.id, 1, 20)).error?.code).toBe('POLL_DRAFT');
    const elsewhere = ok(await t.call(routes.createPoll, { body: pollInput(t, other, { opinionsEnabled: true }) }, streetAdmin));
    ok(await t.call(routes.openPoll, { params: { id: elsewhere.id } }, streetAdmin));
    ok(await t.call(routes.closePoll, { params: { id: elsewhere.id } }, streetAdmin));
    expect(ok(await opinions(elsewhere.id, 1, 20, streetAdmin)).total).toBe(0);

    const refused = async (id: number, token: string) => (await opinions(id, 1, 20, token)).error;
    for (const id of [draft.id, elsewhere.id]) {
      expect(await refused(id, resident)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await t.call(routes.exportPollResults, { params: { id }, query: { format: 'csv' } }, resident)).error?.code).toBe('FORBIDDEN');
    }
    expect(await refused(elsewhere.id, committee)).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await t.call(routes.exportPollResults, { params: { id: elsewhere.id }, query: { format: 'csv' } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect(await refused(999_999, committee)).toMatchObject({ code: 'POLL_NOT_FOUND' });
    expect((await raw(elsewhere.id, 'page=0')).code).toBe('VALIDATION_FAILED');
  });
});
