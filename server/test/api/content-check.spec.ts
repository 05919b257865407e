import { routes } from '@linli/shared';
import { Activity } from '../../src/activities/activity.entity.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { choose, openPoll } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * What users write (companion names, sign-up answers, opinions, nicknames) passes the content check: risky text is
 * refused and changes nothing; text to review is kept but held until staff approve it. This server has no WeChat,
 * so the keyword list alone checks, and the staff queue says so.
 */
describe('content checks and the moderation queue', () => {
  let t: TestApp;
  let committee: string;
  let resident: string;
  let resident2: string;
  let volunteer: string;
  let home: number;
  let other: number;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, resident, resident2, volunteer] = await Promise.all((['committee', 'resident', 'resident2', 'volunteer'] as const).map((p) => t.login(p)));
    const c = await communityIds(t);
    home = c['幸福里社区'];
    other = Object.values(c).find((id) => id !== home)!;
  });
  afterAll(() => t.close());

  const held = async (token = committee) => ok(await t.call(routes.heldContent, { params: { id: home } }, token));
  const decide = (body: Parameters<typeof routes.decideHeldContent.body.parse>[0], token = committee) =>
    t.call(routes.decideHeldContent, { body: body as never }, token);
  const withQuestion = () =>
    publishedActivity(t, committee, home, {
      companionsAllowed: 2,
      questions: [{ id: 'note', kind: 'text', title: '有什么想告诉我们的', required: false, options: [] }],
    });

  it('refuses a sign-up with a risky companion name or answer, naming the field, and takes no seat', async () => {
    const a = await withQuestion();
    const risky = await t.call(
      routes.signUp,
      { params: { id: a.id }, body: { companions: [{ name: '王奶奶', relation: '老伴' }], answers: { note: '代开发票，价格优惠' } } },
      resident,
    );
    expect(risky.status).toBe(400);
    expect(risky.error).toMatchObject({
      code: 'CONTENT_RISKY',
      message: '您填写的内容含有不适合发布的词语，请修改后再提交',
      fields: [{ path: 'body.answers.note', message: '含有不适合发布的词语「代开发票」，请修改' }],
    });
    const name = await t.call(routes.signUp, { params: { id: a.id }, body: { companions: [{ name: '嫖娼', relation: '朋友' }] } }, resident);
    expect(name.error?.fields?.map((f) => f.path)).toEqual(['body.companions.0.name']);
    expect((await t.db.run((em) => em.findOneByOrFail(Activity, { id: a.id }))).seatsTaken).toBe(0);
    // Fixed, it goes through.
    expect(ok(await t.call(routes.signUp, { params: { id: a.id }, body: { companions: [{ name: '王奶奶', relation: '老伴' }] } }, resident))).toMatchObject({
      status: 'confirmed',
      contentHeld: false,
    });
  });

  it('holds a sign-up whose answer needs a look: the place is kept, staff approve or reject the words', async () => {
    const a = await withQuestion();
    const mine = ok(
      await t.call(routes.signUp, { params: { id: a.id }, body: { companions: [{ name: '小明', relation: '孙子' }], answers: { note: '有事打我电话13812345678' } } }, resident),
    );
    expect(mine).toMatchObject({ status: 'confirmed', contentHeld: true, size: 2 });
    const other = ok(await t.call(routes.signUp, { params: { id: a.id }, body: { answers: { note: '兼职代购，加我微信' } } }, resident2));
    expect(other.contentHeld).toBe(true);

    const queue = await held();
    expect(queue.checks).toBe('local');
    expect(queue.signups.filter((s) => s.activity.id === a.id)).toEqual([
      { signupId: mine.id, activity: { id: a.id, title: a.title }, nickname: expect.any(String), companions: [{ name: '小明', relation: '孙子' }], answers: [{ question: '有什么想告诉我们的', answer: '有事打我电话13812345678' }] },
      { signupId: other.id, activity: { id: a.id, title: a.title }, nickname: expect.any(String), companions: [], answers: [{ question: '有什么想告诉我们的', answer: '兼职代购，加我微信' }] },
    ]);
    const attendees = ok(await t.call(routes.listSignups, { params: { id: a.id } }, committee)).items;
    expect(attendees.map((s) => s.contentHeld)).toEqual([true, true]);

    expect(ok(await decide({ kind: 'signup', signupId: mine.id, approve: true }))).toEqual({ approved: true });
    ok(await decide({ kind: 'signup', signupId: other.id, approve: false }));
    expect((await decide({ kind: 'signup', signupId: other.id, approve: true })).error?.code).toBe('HELD_CONTENT_NOT_FOUND');
    const after = ok(await t.call(routes.listSignups, { params: { id: a.id } }, committee)).items;
    expect(after.map((s) => [s.contentHeld, s.answers.note, s.status])).toEqual([
      [false, '有事打我电话13812345678', 'confirmed'],
      [false, '（未通过审核，已隐藏）', 'confirmed'],
    ]);
    expect((await held()).signups.filter((s) => s.activity.id === a.id)).toEqual([]);
    const audit = await t.app.get(AuditRepository).list({ communityId: home });
    expect(audit.filter((e) => e.targetType === 'signup' && [mine.id, other.id].includes(e.targetId!)).map((e) => e.action)).toEqual([
      'moderation.approve',
      'moderation.reject',
    ]);
  });

  it('a rejected companion keeps the seat under a placeholder name', async () => {
    const a = await withQuestion();
    const s = ok(await t.call(routes.signUp, { params: { id: a.id }, body: { companions: [{ name: '扫码领券', relation: '邻居' }] } }, volunteer));
    expect(s.contentHeld).toBe(true);
    ok(await decide({ kind: 'signup', signupId: s.id, approve: false }));
    const [row] = ok(await t.call(routes.listSignups, { params: { id: a.id } }, committee)).items;
    expect(row).toMatchObject({ size: 2, companions: [{ name: '同行家人1', relation: '已隐藏' }] });
  });

  it('refuses a risky opinion without recording the vote; holds one to review out of the export until approved', async () => {
    const poll = await openPoll(t, committee, home, { opinionsEnabled: true, minBallots: 1 });
    const cast = (token: string, opinion: string) => t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll), opinion } }, token);
    const risky = await cast(resident, '六合彩开奖了');
    expect(risky.error).toMatchObject({ code: 'CONTENT_RISKY', fields: [{ path: 'body.opinion' }] });
    expect(ok(await cast(resident, '希望晚上十点后关灯')).opinionHeld).toBe(false);
    expect(ok(await cast(resident2, '灯具团购请加微信号abc')).opinionHeld).toBe(true);

    const queue = (await held()).opinions.filter((o) => o.poll.id === poll.id);
    expect(queue).toEqual([{ poll: { id: poll.id, title: poll.title }, ballotId: expect.stringMatching(/^[0-9a-f]{32}$/), opinion: '灯具团购请加微信号abc' }]);

    ok(await t.call(routes.closePoll, { params: { id: poll.id } }, committee));
    const exported = async () =>
      (await fetch(`${t.base}/api/polls/${poll.id}/results/export?format=csv`, { headers: { authorization: `Bearer ${committee}` } })).text();
    const before = await exported();
    expect(before).toContain('希望晚上十点后关灯');
    expect(before).not.toContain('灯具团购');
    expect(before).toContain('另有1条意见待工作人员审核');

    expect((await decide({ kind: 'opinion', pollId: poll.id, ballotId: queue[0].ballotId, approve: true }, resident)).error?.code).toBe('FORBIDDEN');
    ok(await decide({ kind: 'opinion', pollId: poll.id, ballotId: queue[0].ballotId, approve: true }));
    const after = await exported();
    expect(after).toContain('灯具团购请加微信号abc');
    expect(after).not.toContain('待工作人员审核');
    expect((await decide({ kind: 'opinion', pollId: poll.id, ballotId: queue[0].ballotId, approve: false })).error?.code).toBe('HELD_CONTENT_NOT_FOUND');
    // The vote itself was always counted.
    expect(ok(await t.call(routes.pollResults, { params: { id: poll.id } }, committee)).turnout?.ballotsCast).toBe(2);
  });

  it('a rejected opinion is removed; the ballot stays counted', async () => {
    const poll = await openPoll(t, committee, home, { opinionsEnabled: true, minBallots: 1 });
    ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: choose(poll), opinion: '返利活动 二维码' } }, resident));
    const [item] = (await held()).opinions.filter((o) => o.poll.id === poll.id);
    ok(await decide({ kind: 'opinion', pollId: poll.id, ballotId: item.ballotId, approve: false }));
    ok(await t.call(routes.closePoll, { params: { id: poll.id } }, committee));
    const csv = await (await fetch(`${t.base}/api/polls/${poll.id}/results/export?format=csv`, { headers: { authorization: `Bearer ${committee}` } })).text();
    expect(csv).not.toContain('返利');
    expect(csv).toContain('居民意见（0条）');
    expect(ok(await t.call(routes.pollResults, { params: { id: poll.id } }, committee)).turnout?.ballotsCast).toBe(1);
  });

  it('keeps the queue to the staff of the community', async () => {
    expect((await t.call(routes.heldContent, { params: { id: home } }, resident)).error?.code).toBe('FORBIDDEN');
    expect((await t.call(routes.heldContent, { params: { id: other } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await decide({ kind: 'signup', signupId: 999_999, approve: true })).error?.code).toBe('HELD_CONTENT_NOT_FOUND');
    expect((await decide({ kind: 'opinion', pollId: 999_999, ballotId: 'x', approve: true })).error?.code).toBe('HELD_CONTENT_NOT_FOUND');
  });

  it('refuses a risky nickname at dev login; one to review is replaced by the default', async () => {
    const risky = await t.call(routes.devLogin, { body: { openid: 'p3_risky', nickname: '裸聊小妹' } });
    expect(risky.error).toMatchObject({ code: 'CONTENT_RISKY', fields: [{ path: 'body.nickname' }] });
    const review = ok(await t.call(routes.devLogin, { body: { openid: 'p3_review', nickname: '兼职代购' } }));
    expect(review.me.nickname).toBe('微信用户');
    expect(ok(await t.call(routes.devLogin, { body: { openid: 'p3_fine', nickname: '张阿姨' } })).me.nickname).toBe('张阿姨');
  });
});
