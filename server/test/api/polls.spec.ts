import { routes, type CreatePoll } from '@linli/shared';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { ElectorateRepository } from '../../src/polls/electorate.repository.js';
import { ParticipationRepository } from '../../src/polls/participation.repository.js';
import { communityIds, HOURS } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { choose, expectTalliesEqualBallots, openPoll, pollInput, verifiedResidents, type TestResident } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { photo, uploadFile } from '../support/uploads.js';

/** Notes each call of an object's method by name until the returned undo is called. */
function watch<T extends object>(target: T, method: keyof T & string, calls: string[]): () => void {
  const original = target[method] as (...args: unknown[]) => unknown;
  (target as Record<string, unknown>)[method] = (...args: unknown[]) => {
    calls.push(method);
    return original.apply(target, args);
  };
  return () => {
    (target as Record<string, unknown>)[method] = original;
  };
}

/** Committees consult residents: who may vote, one vote per person or household, results, paper ballots, 公示. */
describe('consultation votes', () => {
  let t: TestApp;
  let committee: string;
  let streetAdmin: string;
  let resident: string;
  let resident2: string;
  let volunteer: string;
  let newcomer: string;
  let c: Record<string, number>;
  let home: number;
  /** 4 households in 9栋 with 2 verified residents each. */
  let nine: TestResident[];

  beforeAll(async () => {
    t = await createTestApp();
    [committee, streetAdmin, resident, resident2, volunteer, newcomer] = await Promise.all(
      (['committee', 'street-admin', 'resident', 'resident2', 'volunteer', 'newcomer'] as const).map((p) => t.login(p)),
    );
    c = await communityIds(t);
    home = c['幸福里社区'];
    nine = await verifiedResidents(t, committee, home, { prefix: '九栋', building: '9栋', households: 4, perHousehold: 2 });
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  it('seeds an open consultation and a published one in 幸福里社区', async () => {
    const all = ok(await t.call(routes.listPolls, { query: { pageSize: 100 } }, resident)).items;
    const open = all.find((p) => p.title === '小区南门增设电动自行车充电棚')!;
    expect(open).toMatchObject({ phase: 'open', voted: false, resultsVisibility: 'live' });
    const detail = ok(await t.call(routes.getPoll, { params: { id: open.id } }, resident));
    expect(detail.eligibility).toEqual({ eligible: true, reason: '您可以投票' });
    expect(ok(await t.call(routes.pollResults, { params: { id: open.id } }, resident)).turnout?.ballotsCast).toBe(2);

    const closed = all.find((p) => p.title === '中心广场增设休闲座椅')!;
    expect(closed).toMatchObject({ phase: 'published', voted: true, voterMode: 'household' });
    const notice = ok(await t.call(routes.getPoll, { params: { id: closed.id } }, resident)).publication!;
    expect(notice.statement).toMatch(/同意在中心广场增设休闲座椅/);
    expect(notice.results.turnout).toEqual({ ballotsCast: 3, online: 3, paper: 0, eligible: 3, percent: 100 });
    expect(notice.results.questions?.[0].options.map((o) => [o.label, o.votes])).toEqual([
      ['同意', 2],
      ['不同意', 1],
    ]);
    expect(notice.results.outcome).toEqual({ quorumPercent: 50, quorumMet: true, passRule: 'two_thirds', passed: true });
    await expectTalliesEqualBallots(t, open.id);
    await expectTalliesEqualBallots(t, closed.id);
  });

  describe('staff', () => {
    it('create a draft only managers see, edit it, then open it and every eligible resident is told', async () => {
      const draft = ok(await t.call(routes.createPoll, { body: pollInput(t, home, { title: '草稿议题' }) }, committee));
      expect(draft).toMatchObject({ phase: 'draft', canManage: true, voterMode: 'person', secrecy: 'secret', minBallots: 10, resultsVisibility: 'after_close' });
      expect(draft.questions[0]).toMatchObject({ kind: 'single', minChoices: 1, maxChoices: 1 });
      expect(draft.questions[0].options.map((o) => o.label)).toEqual(['同意', '不同意', '弃权']);
      expect((await t.call(routes.getPoll, { params: { id: draft.id } }, resident)).error?.code).toBe('POLL_NOT_FOUND');
      expect(ok(await t.call(routes.listPolls, { query: {} }, resident)).items.map((p) => p.id)).not.toContain(draft.id);
      expect(ok(await t.call(routes.listPolls, { query: { manage: 'true' } }, committee)).items.map((p) => p.id)).toContain(draft.id);

      const edited = ok(
        await t.call(
          routes.updatePoll,
          {
            params: { id: draft.id },
            body: {
              title: '议题：加装感应灯',
              questions: [{ title: '选哪种灯？', kind: 'multiple', minChoices: 1, maxChoices: 2, options: [{ label: '声控灯' }, { label: '红外感应灯', description: '贵一些' }, { label: '常亮灯' }] }],
            },
          },
          committee,
        ),
      );
      expect(edited.title).toBe('议题：加装感应灯');
      expect(edited.questions).toHaveLength(1);
      expect(edited.questions[0]).toMatchObject({ kind: 'multiple', maxChoices: 2 });
      expect(edited.questions[0].options[1]).toMatchObject({ label: '红外感应灯', description: '贵一些' });

      const opened = ok(await t.call(routes.openPoll, { params: { id: draft.id } }, committee));
      expect(opened.phase).toBe('open');
      expect((await t.call(routes.openPoll, { params: { id: draft.id } }, committee)).error?.code).toBe('POLL_ALREADY_OPENED');
      expect((await t.call(routes.updatePoll, { params: { id: draft.id }, body: { title: '改个名' } }, committee)).error?.code).toBe('POLL_NOT_EDITABLE');

      for (const token of [resident, nine[0].token]) {
        const inbox = ok(await t.call(routes.myInbox, { query: {} }, token)).items;
        expect(inbox.find((i) => i.pollId === draft.id)).toMatchObject({ kind: 'poll_opened', title: '新的议事投票' });
      }
      const outsider = ok(await t.call(routes.myInbox, { query: {} }, newcomer)).items;
      expect(outsider.find((i) => i.pollId === draft.id)).toBeUndefined();
      const actions = (await t.app.get(AuditRepository).list({ communityId: home })).filter((a) => a.targetType === 'poll' && a.targetId === draft.id);
      expect(actions.map((a) => a.action)).toEqual(['poll.create', 'poll.update', 'poll.open']);
    });

    it('refuse bad times, bad questions, other communities and non-staff', async () => {
      const bad = (overrides: object) => t.call(routes.createPoll, { body: { ...pollInput(t, home), ...overrides } }, committee);
      const now = t.clock.now().getTime();
      expect((await bad({ closesAt: new Date(now - 2 * HOURS).toISOString() })).error?.code).toBe('POLL_TIMES_INVALID');
      expect((await bad({ opensAt: new Date(now + 5 * HOURS).toISOString(), closesAt: new Date(now + 4 * HOURS).toISOString() })).error?.code).toBe(
        'POLL_TIMES_INVALID',
      );
      const single2 = await bad({ questions: [{ title: '问', maxChoices: 2, options: [{ label: '甲' }, { label: '乙' }] }] });
      expect(single2.error?.code).toBe('VALIDATION_FAILED');
      expect(single2.error?.fields?.map((f) => f.path)).toContain('body.questions.0.maxChoices');
      const oneOption = await bad({ questions: [{ title: '问', options: [{ label: '甲' }] }] });
      expect(oneOption.error?.fields?.map((f) => f.path)).toContain('body.questions.0.options');
      expect((await bad({ questions: [] })).error?.code).toBe('VALIDATION_FAILED');

      expect((await t.call(routes.createPoll, { body: pollInput(t, c['春晖园社区']) }, committee)).error?.code).toBe('OUT_OF_SCOPE');
      expect((await t.call(routes.createPoll, { body: pollInput(t, home) }, resident)).error?.code).toBe('FORBIDDEN');
      expect((await t.call(routes.createPoll, { body: pollInput(t, 999_999) }, committee)).error?.code).toBe('COMMUNITY_NOT_FOUND');
      const streetPoll = ok(await t.call(routes.createPoll, { body: pollInput(t, c['春晖园社区']) }, streetAdmin));
      expect(streetPoll.canManage).toBe(true);
      expect((await t.call(routes.openPoll, { params: { id: streetPoll.id } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
      expect((await t.call(routes.getPoll, { params: { id: 999_999 } }, resident)).error?.code).toBe('POLL_NOT_FOUND');
    });

    it('sanitise the background as articles are: own uploads stay, pictures from elsewhere, scripts and handlers go', async () => {
      const own = ok(await uploadFile(t, committee, await photo(800, 600).jpeg().toBuffer())).variants.body;
      const neverUploaded = own.replace(/[a-f0-9]{32}/, 'e'.repeat(32));
      const draft = ok(
        await t.call(
          routes.createPoll,
          {
            body: pollInput(t, home, {
              background:
                `<h2>为什么要加装</h2><p onclick="window.__xss=1">楼道<strong>太暗</strong></p><script>window.__xss=1</script>` +
                `<p><img src="${own}" alt="楼道现状" onerror="window.__xss=1"></p><p><img src="https://evil.example/a.jpg"><img src="${neverUploaded}"></p>`,
            }),
          },
          committee,
        ),
      );
      const kept = `<h2>为什么要加装</h2><p>楼道<strong>太暗</strong></p><p><img src="${own}" alt="楼道现状" /></p><p></p>`;
      expect(draft.background).toBe(kept);
      expect(ok(await t.call(routes.getPoll, { params: { id: draft.id } }, committee)).background).toBe(kept);

      const edited = ok(
        await t.call(routes.updatePoll, { params: { id: draft.id }, body: { background: `<p>改过了<iframe src="https://evil.example"></iframe></p><img src="${own}">` } }, committee),
      );
      expect(edited.background).toBe(`<p>改过了</p><img src="${own}" alt="" />`);
      // Leaving it out of an edit keeps it.
      expect(ok(await t.call(routes.updatePoll, { params: { id: draft.id }, body: { title: '换个题目' } }, committee)).background).toBe(edited.background);
      const opened = ok(await t.call(routes.openPoll, { params: { id: draft.id } }, committee));
      expect(ok(await t.call(routes.getPoll, { params: { id: opened.id } }, resident)).background).toBe(edited.background);

      // Longer than the column holds once sanitised; far too long is refused before it is even read.
      const tooLong = await t.call(routes.createPoll, { body: pollInput(t, home, { background: '<p>长</p>'.repeat(9_000) }) }, committee);
      expect(tooLong.error).toMatchObject({ code: 'POLL_BACKGROUND_TOO_LONG', message: '议题说明太长了，请删减一些文字或图片' });
      expect((await t.call(routes.createPoll, { body: pollInput(t, home, { background: 'x'.repeat(100_001) }) }, committee)).error?.code).toBe('VALIDATION_FAILED');
    });

    it('edit a draft by what the edit sends: what it leaves out keeps its value, not the default', async () => {
      const rules = { buildings: ['9栋'], voterMode: 'household', secrecy: 'named', resultsVisibility: 'live', minBallots: 3, quorumPercent: 40, passRule: 'two_thirds', opinionsEnabled: true } satisfies Partial<CreatePoll>;
      const draft = ok(await t.call(routes.createPoll, { body: pollInput(t, home, rules) }, committee));
      const edited = ok(await t.call(routes.updatePoll, { params: { id: draft.id }, body: { title: '只改题目' } }, committee));
      expect(edited).toMatchObject({ title: '只改题目', background: draft.background, ...rules });
    });
  });

  describe('who may vote', () => {
    it('verified residents of the community: "您可以投票", or why not', async () => {
      const poll = await openPoll(t, committee, home);
      const mine = ok(await t.call(routes.getPoll, { params: { id: poll.id } }, resident));
      expect(mine).toMatchObject({ eligibility: { eligible: true, reason: '您可以投票' }, voted: false, myVote: null, canManage: false, publication: null });
      const stranger = ok(await t.call(routes.getPoll, { params: { id: poll.id } }, newcomer));
      expect(stranger.eligibility.eligible).toBe(false);
      expect(stranger.eligibility.reason).toMatch(/认证居民/);
      const refused = await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, newcomer);
      expect(refused.status).toBe(403);
      expect(refused.error?.code).toBe('POLL_NOT_ELIGIBLE');
      expect(refused.error?.message).toMatch(/[\u4e00-\u9fa5]/);
    });

    it('only the chosen buildings when the committee says so', async () => {
      const poll = await openPoll(t, committee, home, { buildings: ['2栋'] });
      const outside = ok(await t.call(routes.getPoll, { params: { id: poll.id } }, resident));
      expect(outside.eligibility).toEqual({ eligible: false, reason: '这次投票只面向2栋的认证居民' });
      expect((await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, resident)).error?.code).toBe('POLL_NOT_ELIGIBLE');
      expect(ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, resident2)).channel).toBe('online');
      const results = ok(await t.call(routes.pollResults, { params: { id: poll.id } }, committee));
      expect(results.turnout).toMatchObject({ ballotsCast: 1, eligible: 1, percent: 100 });
    });
  });

  describe('casting a ballot', () => {
    it('refuses what must not count, with its own code each time, and counts nothing', async () => {
      const poll = await openPoll(t, committee, home, {
        questions: [
          { title: '同意吗？', options: [{ label: '同意' }, { label: '不同意' }] },
          { title: '选两到三项', kind: 'multiple', minChoices: 2, maxChoices: 3, options: ['甲', '乙', '丙', '丁'].map((label) => ({ label })) },
        ],
      });
      const other = await openPoll(t, committee, home);
      const [q1, q2] = poll.questions;
      const cast = (answers: unknown, extra: object = {}) =>
        t.call(routes.castBallot, { params: { id: poll.id }, body: { answers, ...extra } as never }, resident);
      const pick = (q: typeof q1, ...i: number[]) => ({ questionId: q.id, optionIds: i.map((k) => q.options[k].id) });

      const cases: [unknown, string, object?][] = [
        [[pick(q1, 0)], 'BALLOT_TOO_FEW_OPTIONS'],
        [[pick(q1, 0), pick(q2, 0)], 'BALLOT_TOO_FEW_OPTIONS'],
        [[pick(q1, 0), pick(q2, 0, 1, 2, 3)], 'BALLOT_TOO_MANY_OPTIONS'],
        [[pick(q1, 0, 1), pick(q2, 0, 1)], 'BALLOT_TOO_MANY_OPTIONS'],
        [[{ questionId: q1.id, optionIds: [q2.options[0].id] }, pick(q2, 0, 1)], 'BALLOT_OPTION_INVALID'],
        [[{ questionId: q1.id, optionIds: [other.questions[0].options[0].id] }, pick(q2, 0, 1)], 'BALLOT_OPTION_INVALID'],
        [[{ questionId: other.questions[0].id, optionIds: [other.questions[0].options[0].id] }, pick(q1, 0), pick(q2, 0, 1)], 'BALLOT_OPTION_INVALID'],
        [[pick(q1, 0), pick(q1, 1), pick(q2, 0, 1)], 'BALLOT_OPTION_INVALID'],
        [[pick(q1, 0), pick(q2, 0, 1)], 'OPINIONS_DISABLED', { opinion: '希望尽快施工' }],
        [[pick(q1, 0), { questionId: q2.id, optionIds: [q2.options[0].id, q2.options[0].id] }], 'VALIDATION_FAILED'],
      ];
      for (const [answers, code, extra] of cases) {
        const reply = await cast(answers, extra);
        expect([code, reply.status < 500 && reply.status >= 400]).toEqual([reply.error?.code, true]);
      }
      expect((await expectTalliesEqualBallots(t, poll.id)).ballots).toBe(0);

      const receipt = ok(await cast([pick(q1, 0), pick(q2, 1, 3)]));
      expect(receipt).toMatchObject({ pollId: poll.id, channel: 'online', secrecy: 'secret', answers: null });
      const again = await cast([pick(q1, 1), pick(q2, 0, 1)]);
      expect([again.status, again.error?.code]).toEqual([409, 'BALLOT_DUPLICATE']);
      const after = ok(await t.call(routes.getPoll, { params: { id: poll.id } }, resident));
      expect(after).toMatchObject({ voted: true, myVote: { channel: 'online', byHousehold: false }, myAnswers: null });
      expect(after.eligibility).toEqual({ eligible: false, reason: '您已经投过票了，选票不能更改' });
      expect((await expectTalliesEqualBallots(t, poll.id)).ballots).toBe(1);
    });

    it('only while open: not before opensAt, not after closesAt or an early close', async () => {
      const now = t.clock.now().getTime();
      const later = await openPoll(t, committee, home, { opensAt: new Date(now + 2 * HOURS).toISOString(), closesAt: new Date(now + 4 * HOURS).toISOString() });
      expect(later.phase).toBe('upcoming');
      expect(ok(await t.call(routes.getPoll, { params: { id: later.id } }, resident)).eligibility.reason).toMatch(/^投票还没有开始，.+开始$/);
      expect((await t.call(routes.castBallot, { params: { id: later.id }, body: { answers: choose(later) } }, resident)).error?.code).toBe('POLL_NOT_OPEN');
      t.clock.advance(3 * HOURS);
      ok(await t.call(routes.castBallot, { params: { id: later.id }, body: { answers: choose(later) } }, resident));
      t.clock.advance(2 * HOURS);
      expect((await t.call(routes.castBallot, { params: { id: later.id }, body: { answers: choose(later) } }, resident2)).error?.code).toBe('POLL_CLOSED');
      expect(ok(await t.call(routes.getPoll, { params: { id: later.id } }, resident2))).toMatchObject({ phase: 'closed', eligibility: { eligible: false, reason: '投票已经结束了' } });
      t.clock.reset();

      const early = await openPoll(t, committee, home);
      ok(await t.call(routes.castBallot, { params: { id: early.id }, body: { answers: choose(early) } }, resident));
      expect((await t.call(routes.closePoll, { params: { id: early.id } }, resident)).error?.code).toBe('FORBIDDEN');
      const closed = ok(await t.call(routes.closePoll, { params: { id: early.id } }, committee));
      expect(closed.phase).toBe('closed');
      expect((await t.call(routes.closePoll, { params: { id: early.id } }, committee)).error?.code).toBe('POLL_CLOSED');
      expect((await t.call(routes.castBallot, { params: { id: early.id }, body: { answers: choose(early) } }, resident2)).error?.code).toBe('POLL_CLOSED');
      expect((await expectTalliesEqualBallots(t, early.id)).ballots).toBe(1);

      const draft = ok(await t.call(routes.createPoll, { body: pollInput(t, home) }, committee));
      expect((await t.call(routes.castBallot, { params: { id: draft.id }, body: { answers: choose(draft) } }, resident)).error?.code).toBe('POLL_NOT_FOUND');
      expect((await t.call(routes.closePoll, { params: { id: draft.id } }, committee)).error?.code).toBe('POLL_DRAFT');
    });

    it('one per household: a second member is refused, and sees that the household voted', async () => {
      const poll = await openPoll(t, committee, home, { voterMode: 'household', buildings: ['9栋'] });
      const [a, b] = nine.filter((r) => r.householdId === nine[0].householdId);
      ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, a.token));
      const second = await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 1) } }, b.token);
      expect(second.error?.code).toBe('BALLOT_DUPLICATE');
      const seen = ok(await t.call(routes.getPoll, { params: { id: poll.id } }, b.token));
      expect(seen).toMatchObject({ voted: true, myVote: { channel: 'online', byHousehold: true } });
      expect(seen.eligibility.reason).toBe('您家已经投过票了（每户一票），选票不能更改');
      expect((await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll), householdId: nine[2].householdId } }, b.token)).error?.code).toBe(
        'POLL_NOT_ELIGIBLE',
      );
      const results = ok(await t.call(routes.pollResults, { params: { id: poll.id } }, committee));
      expect(results.turnout).toMatchObject({ ballotsCast: 1, eligible: 4, percent: 25 });
      const { participation } = await expectTalliesEqualBallots(t, poll.id);
      expect(participation.map((p) => p.voterKey)).toEqual([`h:${a.householdId}`]);
    });

    it('a receipt code says a secret ballot is counted, never what it chose; a named ballot shows my choices', async () => {
      const secret = await openPoll(t, committee, home);
      const receipt = ok(await t.call(routes.castBallot, { params: { id: secret.id }, body: { answers: choose(secret, 1) } }, resident));
      expect(receipt.receiptCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      const check = (code: string, id = secret.id) => t.call(routes.checkReceipt, { params: { id, code } }, resident2);
      expect(ok(await check(receipt.receiptCode))).toEqual({ pollId: secret.id, counted: true });
      expect(ok(await check(receipt.receiptCode.toLowerCase().replace(/-/g, ' ')))).toEqual({ pollId: secret.id, counted: true });
      expect(ok(await check('AAAA-BBBB-CCCC-DDDD'))).toEqual({ pollId: secret.id, counted: false });
      const elsewhere = await openPoll(t, committee, home);
      expect(ok(await check(receipt.receiptCode, elsewhere.id)).counted).toBe(false);
      expect(ok(await t.call(routes.getPoll, { params: { id: secret.id } }, resident)).myAnswers).toBeNull();

      const named = await openPoll(t, committee, home, { secrecy: 'named' });
      const mine = ok(await t.call(routes.castBallot, { params: { id: named.id }, body: { answers: choose(named, 2) } }, resident));
      expect(mine.answers).toEqual(choose(named, 2));
      expect(ok(await t.call(routes.getPoll, { params: { id: named.id } }, resident)).myAnswers).toEqual(choose(named, 2));
      expect(ok(await t.call(routes.getPoll, { params: { id: named.id } }, resident2)).myAnswers).toBeNull();
    });
  });

  describe('results', () => {
    it('after closing only: residents see nothing while open, staff see turnout only', async () => {
      const poll = await openPoll(t, committee, home, { minBallots: 2 });
      for (const token of [resident, resident2, volunteer]) ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, token));
      const hidden = ok(await t.call(routes.pollResults, { params: { id: poll.id } }, resident));
      expect(hidden).toEqual({ pollId: poll.id, phase: 'open', turnout: null, questions: null, hiddenReason: '投票结束后公布结果', outcome: null });
      const staff = ok(await t.call(routes.pollResults, { params: { id: poll.id } }, committee));
      expect(staff.turnout).toEqual({ ballotsCast: 3, online: 3, paper: 0, eligible: 12, percent: 25 });
      expect(staff.questions).toBeNull();
      expect(staff.hiddenReason).toBe('投票结束后公布各选项票数');

      ok(await t.call(routes.closePoll, { params: { id: poll.id } }, committee));
      const shown = ok(await t.call(routes.pollResults, { params: { id: poll.id } }, resident));
      expect(shown.phase).toBe('closed');
      expect(shown.questions?.[0].options.map((o) => o.votes)).toEqual([3, 0, 0]);
      expect(shown.questions?.[0].adoptedOptionId).toBe(poll.questions[0].options[0].id);
      expect(shown.outcome).toEqual({ quorumPercent: 0, quorumMet: true, passRule: 'simple_majority', passed: true });
    });

    it('live, but per-option counts only from minBallots on', async () => {
      const poll = await openPoll(t, committee, home, { resultsVisibility: 'live', minBallots: 3 });
      for (const token of [resident, resident2]) ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 1) } }, token));
      const few = ok(await t.call(routes.pollResults, { params: { id: poll.id } }, newcomer));
      expect(few.turnout?.ballotsCast).toBe(2);
      expect(few.questions).toBeNull();
      expect(few.hiddenReason).toBe('投票数不到3票，为保护投票秘密，暂不显示各选项票数');
      ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, 0) } }, volunteer));
      const enough = ok(await t.call(routes.pollResults, { params: { id: poll.id } }, newcomer));
      expect(enough.questions?.[0].options.map((o) => o.votes)).toEqual([1, 2, 0]);
      expect(enough.hiddenReason).toBeNull();
      expect(enough.outcome).toBeNull();
    });

    it('quorum and the two-thirds rule decide whether it passed', async () => {
      const poll = await openPoll(t, committee, home, { buildings: ['9栋'], quorumPercent: 50, passRule: 'two_thirds', minBallots: 1 });
      // 3 of 8 eligible vote: turnout 37.5 %, below the 50 % quorum; 2 of 3 agree, exactly two thirds.
      for (const [i, option] of [[0, 0], [2, 0], [4, 1]]) {
        ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, option) } }, nine[i].token));
      }
      ok(await t.call(routes.closePoll, { params: { id: poll.id } }, committee));
      const low = ok(await t.call(routes.pollResults, { params: { id: poll.id } }, nine[1].token));
      expect(low.turnout).toMatchObject({ ballotsCast: 3, eligible: 8, percent: 37.5 });
      expect(low.questions?.[0].adoptedOptionId).toBe(poll.questions[0].options[0].id);
      expect(low.outcome).toEqual({ quorumPercent: 50, quorumMet: false, passRule: 'two_thirds', passed: false });

      const met = await openPoll(t, committee, home, { buildings: ['9栋'], quorumPercent: 50, passRule: 'two_thirds', minBallots: 1 });
      for (const [i, option] of [[0, 0], [1, 0], [2, 0], [3, 1], [4, 1]]) {
        ok(await t.call(routes.castBallot, { params: { id: met.id }, body: { answers: choose(met, option) } }, nine[i].token));
      }
      ok(await t.call(routes.closePoll, { params: { id: met.id } }, committee));
      const split = ok(await t.call(routes.pollResults, { params: { id: met.id } }, committee));
      // 3 of 5 is less than two thirds: nothing adopted although the quorum is met.
      expect(split.questions?.[0].adoptedOptionId).toBeNull();
      expect(split.outcome).toEqual({ quorumPercent: 50, quorumMet: true, passRule: 'two_thirds', passed: false });
    });

    it('list rows carry the turnout where the results would show it, counted for the whole page at once', async () => {
      const later = await openPoll(t, committee, home, { title: '结束后公布的议题' });
      const live = await openPoll(t, committee, home, { title: '实时公布的议题', resultsVisibility: 'live' });
      const nineLive = await openPoll(t, committee, home, { title: '9栋实时公布的议题', resultsVisibility: 'live', buildings: ['9栋'] });
      const perHome = await openPoll(t, committee, home, { title: '每户一票实时公布的议题', resultsVisibility: 'live', voterMode: 'household' });
      for (const poll of [later, live]) {
        for (const token of [resident, resident2]) ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, token));
      }
      ok(await t.call(routes.castBallot, { params: { id: nineLive.id }, body: { answers: choose(nineLive) } }, nine[0].token));

      // Per-poll counting would call these once per row; the list counts its page in one go.
      const participation = t.app.get(ParticipationRepository);
      const electorate = t.app.get(ElectorateRepository);
      const calls: string[] = [];
      const restore = [
        watch(participation, 'counts', calls),
        watch(participation, 'countsOf', calls),
        watch(electorate, 'eligibleCount', calls),
        watch(electorate, 'eligibleCounts', calls),
      ];
      t.clock.advance(60_000); // past the eligible cache
      const rows = ok(await t.call(routes.listPolls, { query: { state: 'open', pageSize: 100 } }, resident)).items;
      restore.forEach((undo) => undo());
      expect(rows.length).toBeGreaterThan(3);
      expect(calls.sort()).toEqual(['countsOf', 'eligibleCount', 'eligibleCounts']);

      const row = (items: typeof rows, id: number) => items.find((p) => p.id === id)!;
      expect(row(rows, later.id).turnout).toBeNull();
      expect(row(rows, live.id).turnout).toEqual({ ballotsCast: 2, online: 2, paper: 0, eligible: 12, percent: 16.7 });
      expect(row(rows, nineLive.id).turnout).toEqual({ ballotsCast: 1, online: 1, paper: 0, eligible: 8, percent: 12.5 });
      expect(row(rows, perHome.id).turnout).toMatchObject({ ballotsCast: 0, percent: 0 });
      t.clock.advance(60_000); // the results count the eligible afresh: the same figures
      for (const item of rows) expect(item.turnout).toEqual(ok(await t.call(routes.pollResults, { params: { id: item.id } }, resident)).turnout);

      // Staff who manage the community always see it; residents once voting has ended; the 公示 keeps its figure.
      const managed = ok(await t.call(routes.listPolls, { query: { manage: 'true', pageSize: 100 } }, committee)).items;
      expect(row(managed, later.id).turnout).toEqual({ ballotsCast: 2, online: 2, paper: 0, eligible: 12, percent: 16.7 });
      ok(await t.call(routes.closePoll, { params: { id: later.id } }, committee));
      const closed = ok(await t.call(routes.listPolls, { query: { state: 'closed', pageSize: 100 } }, resident)).items;
      expect(row(closed, later.id).turnout).toMatchObject({ ballotsCast: 2, eligible: 12 });
      const seeded = closed.find((p) => p.title === '中心广场增设休闲座椅')!;
      expect(seeded.turnout).toEqual({ ballotsCast: 3, online: 3, paper: 0, eligible: 3, percent: 100 });
      expect(ok(await t.call(routes.listPolls, { query: {} }, newcomer)).items).toEqual([]);
    });
  });

  describe('paper ballots', () => {
    it('are entered against an eligible person, never double an online vote, and are audit-logged without the choices', async () => {
      const poll = await openPoll(t, committee, home, { buildings: ['9栋'], minBallots: 1 });
      const [online, paper, other] = [nine[0], nine[1], nine[2]];
      ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, online.token));
      const enter = (body: object, token = committee) => t.call(routes.enterPaperBallot, { params: { id: poll.id }, body: { answers: choose(poll, 1), ...body } }, token);

      const duplicate = await enter({ userId: online.userId });
      expect([duplicate.status, duplicate.error?.code]).toEqual([409, 'PAPER_BALLOT_DUPLICATE']);
      const me = ok(await t.call(routes.me, {}, resident));
      expect((await enter({ userId: me.id })).error?.code).toBe('PAPER_VOTER_NOT_ELIGIBLE');
      expect((await enter({ householdId: paper.householdId })).error?.code).toBe('VALIDATION_FAILED');
      expect((await enter({ userId: paper.userId }, resident)).error?.code).toBe('FORBIDDEN');
      expect((await enter({})).error?.code).toBe('VALIDATION_FAILED');

      const entered = ok(await enter({ userId: paper.userId }));
      expect(entered).toMatchObject({ channel: 'paper', secrecy: 'secret', answers: null });
      expect(entered.turnout).toMatchObject({ ballotsCast: 2, online: 1, paper: 1, eligible: 8 });
      expect((await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, paper.token)).error?.code).toBe('BALLOT_DUPLICATE');
      expect(ok(await t.call(routes.getPoll, { params: { id: poll.id } }, paper.token)).myVote).toEqual({ channel: 'paper', byHousehold: false });

      const voters = ok(await t.call(routes.pollHouseholdVoters, { params: { id: poll.id }, query: { householdId: paper.householdId } }, committee));
      expect(voters).toMatchObject({ householdId: paper.householdId, address: '9栋1单元1000', eligible: true, householdVote: null });
      // In user id order; the two residents may have logged in either way round.
      expect(voters.residents).toEqual(
        [
          { userId: online.userId, name: online.name, vote: { channel: 'online' } },
          { userId: paper.userId, name: paper.name, vote: { channel: 'paper' } },
        ].sort((a, b) => a.userId - b.userId),
      );
      const otherHome = ok(await t.call(routes.pollHouseholdVoters, { params: { id: poll.id }, query: { householdId: other.householdId } }, committee));
      expect(otherHome.residents.every((r) => r.vote === null)).toBe(true);

      const audit = (await t.app.get(AuditRepository).list({ action: 'poll.paper_ballot' })).filter((a) => a.targetId === poll.id);
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].detail)).toEqual({ voterKey: `u:${paper.userId}` });
      await expectTalliesEqualBallots(t, poll.id);
    });

    it('per household: against the household, whoever of it voted online', async () => {
      const poll = await openPoll(t, committee, home, { voterMode: 'household', buildings: ['9栋'] });
      ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, nine[0].token));
      const enter = (body: object) => t.call(routes.enterPaperBallot, { params: { id: poll.id }, body: { answers: choose(poll), ...body } }, committee);
      expect((await enter({ householdId: nine[0].householdId })).error?.code).toBe('PAPER_BALLOT_DUPLICATE');
      expect((await enter({ userId: nine[1].userId })).error?.code).toBe('PAPER_BALLOT_DUPLICATE');
      ok(await enter({ householdId: nine[2].householdId }));
      expect((await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll) } }, nine[3].token)).error?.code).toBe('BALLOT_DUPLICATE');
      const households = ok(await t.call(routes.households, { params: { id: home }, query: { building: '1栋' } }, committee));
      const empty = households.items.find((h) => h.room === '102')!;
      expect((await enter({ householdId: empty.id })).error?.code).toBe('PAPER_VOTER_NOT_ELIGIBLE');
      const voters = ok(await t.call(routes.pollHouseholdVoters, { params: { id: poll.id }, query: { householdId: nine[2].householdId } }, committee));
      expect(voters.householdVote).toEqual({ channel: 'paper' });
      const { participation } = await expectTalliesEqualBallots(t, poll.id);
      expect(participation.map((p) => p.voterKey).sort()).toEqual([`h:${nine[0].householdId}`, `h:${nine[2].householdId}`].sort());
    });
  });

  describe('the result notice (公示) and export', () => {
    it('is published once after closing with the tally, turnout, quorum and outcome; residents are told and read it', async () => {
      const poll = await openPoll(t, committee, home, { minBallots: 2, opinionsEnabled: true, quorumPercent: 20 });
      const opinions = ['希望晚上十点后关灯', '=cmd|calc', ''];
      for (const [i, token] of [resident, resident2, volunteer].entries()) {
        ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll, i === 2 ? 1 : 0), opinion: opinions[i] } }, token));
      }
      const publish = () => t.call(routes.publishPollResult, { params: { id: poll.id }, body: { statement: '经居民投票，同意加装感应灯。' } }, committee);
      expect((await publish()).error?.code).toBe('POLL_NOT_CLOSED');
      expect((await t.call(routes.exportPollResults, { params: { id: poll.id }, query: { format: 'csv' } }, committee)).error?.code).toBe('POLL_NOT_CLOSED');
      ok(await t.call(routes.closePoll, { params: { id: poll.id } }, committee));
      expect((await t.call(routes.publishPollResult, { params: { id: poll.id }, body: { statement: '公示' } }, resident)).error?.code).toBe('FORBIDDEN');

      const published = ok(await publish());
      expect(published.phase).toBe('published');
      expect((await publish()).error?.code).toBe('POLL_ALREADY_PUBLISHED');
      const seen = ok(await t.call(routes.getPoll, { params: { id: poll.id } }, resident2));
      expect(seen.publication?.statement).toBe('经居民投票，同意加装感应灯。');
      expect(seen.publication?.results).toMatchObject({
        phase: 'published',
        turnout: { ballotsCast: 3, online: 3, paper: 0, eligible: 12, percent: 25 },
        outcome: { quorumPercent: 20, quorumMet: true, passRule: 'simple_majority', passed: true },
      });
      expect(seen.publication?.results.questions?.[0].options.map((o) => o.votes)).toEqual([2, 1, 0]);
      expect(ok(await t.call(routes.pollResults, { params: { id: poll.id } }, newcomer))).toEqual(seen.publication?.results);
      const inbox = ok(await t.call(routes.myInbox, { query: {} }, resident2)).items;
      expect(inbox.find((i) => i.pollId === poll.id && i.kind === 'poll_published')?.title).toBe('议事结果公示');
      expect(ok(await t.call(routes.listPolls, { query: { state: 'closed' } }, resident)).items.find((p) => p.id === poll.id)).toMatchObject({
        phase: 'published',
        voted: true,
      });

      const csv = await fetch(`${t.base}/api/polls/${poll.id}/results/export?format=csv`, { headers: { authorization: `Bearer ${committee}` } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toContain(`filename="poll-${poll.id}.csv"`);
      expect(csv.headers.get('cache-control')).toBe('private, no-store');
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('您是否同意加装感应灯？,同意,2,66.7%');
      expect(text).toContain('有投票资格,12');
      expect(text).toContain('是否通过,是');
      expect(text).toContain('居民意见（2条）');
      expect(text).toContain("'=cmd|calc");
      const xlsx = await fetch(`${t.base}/api/polls/${poll.id}/results/export?format=xlsx`, { headers: { authorization: `Bearer ${committee}` } });
      expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
      expect((await t.call(routes.exportPollResults, { params: { id: poll.id }, query: { format: 'csv' } }, resident)).error?.code).toBe('FORBIDDEN');
      const audit = (await t.app.get(AuditRepository).list({ communityId: home })).filter((a) => a.targetType === 'poll' && a.targetId === poll.id);
      expect(audit.map((a) => a.action)).toEqual(['poll.create', 'poll.open', 'poll.close', 'poll.publish', 'poll.export_results', 'poll.export_results']);
    });

    it('lists open and closed consultations of my community with whether I voted', async () => {
      const open = await openPoll(t, committee, home, { title: '进行中的议题' });
      ok(await t.call(routes.castBallot, { params: { id: open.id }, body: { answers: choose(open) } }, resident));
      const openList = ok(await t.call(routes.listPolls, { query: { state: 'open', pageSize: 100 } }, resident)).items;
      expect(openList.find((p) => p.id === open.id)).toMatchObject({ phase: 'open', voted: true, communityName: '幸福里社区' });
      expect(openList.every((p) => p.phase === 'open' || p.phase === 'upcoming')).toBe(true);
      expect(ok(await t.call(routes.listPolls, { query: { state: 'open', pageSize: 100 } }, resident2)).items.find((p) => p.id === open.id)?.voted).toBe(false);
      const closedList = ok(await t.call(routes.listPolls, { query: { state: 'closed', pageSize: 100 } }, resident)).items;
      expect(closedList.length).toBeGreaterThan(0);
      expect(closedList.every((p) => p.phase === 'closed' || p.phase === 'published')).toBe(true);
      expect(ok(await t.call(routes.listPolls, { query: {} }, newcomer)).items).toEqual([]);
    });
  });
});
