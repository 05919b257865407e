import { routes } from '@linli/shared';
import ExcelJS from 'exceljs';
import type { EntityManager } from 'typeorm';
import { Activity } from '../../src/activities/activity.entity.js';
import { Signup } from '../../src/activities/signup.entity.js';
import { VolunteerHours } from '../../src/activities/volunteer-hours.entity.js';
import { Article } from '../../src/articles/article.entity.js';
import { Household } from '../../src/communities/household.entity.js';
import { PollParticipation } from '../../src/polls/poll-participation.entity.js';
import { Poll } from '../../src/polls/poll.entity.js';
import { ResidencyClaim } from '../../src/residency/residency-claim.entity.js';
import { Residency } from '../../src/residency/residency.entity.js';
import { ok } from '../support/expect-ok.js';
import { recountStatsSummary } from '../support/stats-summary.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const at = (iso: string) => new Date(iso);
let codes = 0;
const code = () => `stats${++codes}`.padEnd(12, 'x');

/** An activity row as the feature writes it, with only what the dashboard reads varied. */
function activityRow(communityId: number, createdBy: number, startsAt: Date, o: Partial<Activity> = {}): Partial<Activity> {
  const endsAt = new Date(startsAt.getTime() + 2 * 3600_000);
  return {
    communityId,
    organisationId: null,
    seriesId: null,
    createdBy,
    title: '统计测试活动',
    category: 'culture_sports',
    coverUrl: null,
    description: '',
    place: '活动室',
    startsAt,
    endsAt,
    signupOpensAt: new Date(startsAt.getTime() - 7 * 86_400_000),
    signupClosesAt: startsAt,
    cancelDeadline: startsAt,
    seats: 10,
    seatsTaken: 0,
    volunteerSlots: 2,
    volunteersTaken: 0,
    waitlistCount: 0,
    audience: '{}',
    questions: '[]',
    companionsAllowed: 0,
    waitlistEnabled: 1,
    offerHoldMinutes: 60,
    reminderMinutes: 60,
    remindAt: startsAt,
    status: 'published',
    cancelReason: null,
    publishedAt: new Date(startsAt.getTime() - 14 * 86_400_000),
    checkinToken: code(),
    createdAt: new Date(startsAt.getTime() - 14 * 86_400_000),
    ...o,
  };
}

describe('statistics: overview, export, my volunteer hours', () => {
  let t: TestApp;
  let streetAdmin: string;
  let committee: string;
  let volunteer: string;
  let x: number;
  let y: number;
  let u: number[];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(at('2026-06-15T04:00:00Z'));
    streetAdmin = await t.login('street-admin');
    committee = await t.login('committee');
    x = ok(await t.call(routes.createCommunity, { body: { name: '统计甲社区' } }, streetAdmin)).id;
    y = ok(await t.call(routes.createCommunity, { body: { name: '统计乙社区' } }, streetAdmin)).id;
    volunteer = await t.login({ openid: 'stats_u0', nickname: '统计志愿者' });
    u = [ok(await t.call(routes.me, {}, volunteer)).id];
    for (let i = 1; i < 6; i++) {
      const token = await t.login({ openid: `stats_u${i}`, nickname: `统计居民${i}` });
      u.push(ok(await t.call(routes.me, {}, token)).id);
    }
    await t.db.transaction(() => t.db.run((em) => arrange(em)));
    // The rows above are arranged directly, past the writes that keep the monthly summary: count it as the migration does.
    await recountStatsSummary(t.db);
  });
  afterAll(() => t.close());

  async function arrange(em: EntityManager) {
    const hx = (await em.insert(Household, { communityId: x, building: '1', unit: '1', room: '101' })).identifiers[0].id as number;
    const hy = (await em.insert(Household, { communityId: y, building: '1', unit: '1', room: '101' })).identifiers[0].id as number;
    const verified = (userId: number, communityId: number, householdId: number, iso: string) =>
      em.insert(Residency, { userId, communityId, householdId, source: 'claim', verifiedAt: at(iso) });
    await verified(u[0], x, hx, '2026-02-10T02:00:00Z');
    await verified(u[1], x, hx, '2026-02-11T02:00:00Z');
    await verified(u[2], x, hx, '2026-01-31T17:00:00Z'); // 1 February in China
    await verified(u[3], x, hx, '2026-03-05T02:00:00Z');
    await verified(u[4], x, hx, '2025-12-31T15:00:00Z'); // 31 December in China: before the range
    await verified(u[5], y, hy, '2026-03-06T02:00:00Z');

    const claim = (userId: number, status: 'pending' | 'approved', iso: string) =>
      em.insert(ResidencyClaim, {
        userId,
        householdId: hx,
        communityId: x,
        realName: '张三',
        status,
        active: 1,
        pendingSlot: status === 'pending' ? 1 : null,
        reason: null,
        decidedBy: null,
        deciderId: null,
        createdAt: at(iso),
        decidedAt: null,
      });
    await claim(u[1], 'pending', '2026-06-05T04:00:00Z'); // 10 days waiting
    await claim(u[2], 'pending', '2026-06-14T04:00:00Z');
    await claim(u[3], 'approved', '2026-01-01T04:00:00Z');

    const activity = async (communityId: number, iso: string, o: Partial<Activity> = {}) =>
      (await em.insert(Activity, activityRow(communityId, u[0], at(iso), o))).identifiers[0].id as number;
    const a1 = await activity(x, '2026-03-10T02:00:00Z', { category: 'elderly_care', seats: 2, seatsTaken: 2 });
    const a2 = await activity(x, '2026-04-10T02:00:00Z', { seatsTaken: 1 });
    const a3 = await activity(x, '2026-04-12T02:00:00Z', { status: 'cancelled' });
    const a4 = await activity(x, '2025-11-10T02:00:00Z');
    const a5 = await activity(x, '2026-04-20T02:00:00Z', { status: 'draft', publishedAt: null });
    const b1 = await activity(y, '2026-05-10T02:00:00Z');

    const signup = async (activityId: number, userId: number, status: Signup['status'], role: Signup['role'] = 'participant') =>
      (
        await em.insert(Signup, {
          activityId,
          userId,
          role,
          status,
          active: ['cancelled', 'offer_expired', 'activity_cancelled'].includes(status) ? null : 1,
          size: 1,
          companions: '[]',
          answers: '{}',
          contentHeld: 0,
          offerExpiresAt: null,
          checkinCode: code(),
          checkedInAt: null,
          checkedOutAt: null,
          minutes: null,
          reminderSentAt: null,
          createdAt: at('2026-03-01T02:00:00Z'),
        })
      ).identifiers[0].id as number;
    await signup(a1, u[1], 'attended');
    await signup(a1, u[2], 'no_show');
    await signup(a1, u[3], 'waitlisted');
    await signup(a1, u[4], 'offer_expired');
    await signup(a1, u[5], 'cancelled');
    const v1 = await signup(a1, u[0], 'attended', 'volunteer');
    await signup(a2, u[1], 'attended');
    await signup(a3, u[1], 'activity_cancelled');
    await signup(a4, u[1], 'attended');
    await signup(a5, u[1], 'confirmed');
    await signup(b1, u[1], 'attended');
    const v2 = await signup(a2, u[0], 'attended', 'volunteer');
    const v3 = await signup(a4, u[0], 'attended', 'volunteer');
    const v4 = await signup(b1, u[1], 'attended', 'volunteer');

    const hours = (userId: number, activityId: number, signupId: number, minutes: number, iso: string) =>
      em.insert(VolunteerHours, { userId, activityId, signupId, minutes, createdAt: at(iso) });
    await hours(u[0], a1, v1, 90, '2026-03-10T05:00:00Z');
    await hours(u[0], a2, v2, 60, '2026-04-10T05:00:00Z');
    await hours(u[0], a4, v3, 30, '2025-11-10T05:00:00Z');
    await hours(u[1], b1, v4, 45, '2026-05-10T05:00:00Z');

    const poll = async (title: string, status: Poll['status'], opens: string, closes: string) =>
      (
        await em.insert(Poll, {
          communityId: x,
          createdBy: u[0],
          title,
          background: '',
          buildings: '[]',
          voterMode: 'person',
          secrecy: 'secret',
          opensAt: at(opens),
          closesAt: at(closes),
          resultsVisibility: 'after_close',
          minBallots: 0,
          quorumPercent: 0,
          passRule: 'simple_majority',
          opinionsEnabled: 0,
          status,
          publishedAt: null,
          publicationStatement: null,
          publicationResults: null,
          createdAt: at(opens),
        })
      ).identifiers[0].id as number;
    const p1 = await poll('加装电梯', 'closed', '2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z');
    await poll('草稿议题', 'draft', '2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z');
    await poll('去年的议题', 'closed', '2025-03-01T00:00:00Z', '2025-03-20T00:00:00Z');
    for (let i = 0; i < 3; i++) {
      await em.insert(PollParticipation, { pollId: p1, voterKey: `k${i}`, channel: 'online', namedBallotId: null, createdAt: at('2026-03-02T00:00:00Z') });
    }

    const article = (status: Article['status'], publishedAt: string | null, readCount: number) =>
      em.insert(Article, {
        communityId: x,
        organisationId: null,
        createdBy: u[0],
        kind: 'notice',
        title: '通知',
        coverUrl: null,
        summary: '',
        body: '<p>x</p>',
        activityId: null,
        pollId: null,
        pinned: 0,
        status,
        publishedAt: publishedAt ? at(publishedAt) : null,
        updatedAt: null,
        readCount,
        createdAt: at('2026-01-01T00:00:00Z'),
      });
    await article('published', '2026-03-03T00:00:00Z', 7);
    await article('published', '2026-04-03T00:00:00Z', 5);
    await article('draft', null, 0);
    await article('scheduled', '2026-07-01T00:00:00Z', 0); // not live yet
  }

  const range = { from: '2026-01-01', to: '2026-06-30' };

  it('counts one community exactly from arranged rows', async () => {
    const o = ok(await t.call(routes.statsOverview, { query: { communityId: x, ...range } }, streetAdmin));
    expect(o).toMatchObject({ from: '2026-01-01', to: '2026-06-30', communityIds: [x], communities: [] });
    expect(o.residentsVerifiedByMonth).toEqual([
      { month: '2026-02', count: 3 },
      { month: '2026-03', count: 1 },
    ]);
    expect(o.pendingClaims).toEqual({ count: 2, olderThanWeek: 1, oldestDays: 10 });
    expect(o.activitiesByMonth).toEqual([
      { month: '2026-03', category: 'elderly_care', count: 1 },
      { month: '2026-04', category: 'culture_sports', count: 1 },
    ]);
    expect(o.signups).toEqual({ total: 6, attended: 2, noShows: 1, cancelled: 1, attendanceRate: 2 / 3 });
    expect(o.waitlist).toEqual({ activitiesFull: 1, activitiesHeld: 2, turnedAway: 2 });
    expect(o.volunteerMinutesByMonth).toEqual([
      { month: '2026-03', minutes: 90 },
      { month: '2026-04', minutes: 60 },
    ]);
    expect(o.consultations).toEqual([
      { pollId: expect.any(Number), communityId: x, title: '加装电梯', closesAt: '2026-03-20T00:00:00.000Z', status: 'closed', ballots: 3 },
    ]);
    expect(o.articles).toEqual({ published: 2, reads: 12 });
  });

  it('compares every community of the street for a street admin', async () => {
    const o = ok(await t.call(routes.statsOverview, { query: range }, streetAdmin));
    expect(o.communityIds).toEqual(expect.arrayContaining([x, y]));
    expect(o.communities.find((c) => c.communityId === x)).toEqual({
      communityId: x,
      name: '统计甲社区',
      residentsVerified: 4,
      pendingClaims: 2,
      activitiesHeld: 2,
      signups: 6,
      attended: 2,
      noShows: 1,
      volunteerMinutes: 150,
    });
    expect(o.communities.find((c) => c.communityId === y)).toEqual({
      communityId: y,
      name: '统计乙社区',
      residentsVerified: 1,
      pendingClaims: 0,
      activitiesHeld: 1,
      signups: 1,
      attended: 1,
      noShows: 0,
      volunteerMinutes: 45,
    });
    // The street's totals are the communities' sums.
    expect(o.signups.total).toBe(o.communities.reduce((n, c) => n + c.signups, 0));
  });

  it('keeps committee staff to their own community', async () => {
    const refused = await t.call(routes.statsOverview, { query: { communityId: x } }, committee);
    expect(refused.status).toBe(403);
    expect(refused.error?.code).toBe('OUT_OF_SCOPE');
    const own = ok(await t.call(routes.statsOverview, {}, committee));
    expect(own.communityIds).toHaveLength(1);
    expect(own.communities).toEqual([]);
    expect((await t.call(routes.statsOverview, {}, await t.login('social-worker'))).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.statsOverview, {}, volunteer)).error?.code).toBe('FORBIDDEN');
    const exportRefused = await fetch(`${t.base}/api/stats/overview/export?communityId=${x}`, { headers: { authorization: `Bearer ${committee}` } });
    expect(exportRefused.status).toBe(403);
  });

  it('shows the demo community non-empty charts by default', async () => {
    t.clock.reset();
    try {
      const o = ok(await t.call(routes.statsOverview, {}, committee));
      expect(o.activitiesByMonth.length).toBeGreaterThan(0);
      expect(o.signups.total).toBeGreaterThan(0);
      expect(o.residentsVerifiedByMonth.length).toBeGreaterThan(0);
    } finally {
      t.clock.set(at('2026-06-15T04:00:00Z'));
    }
  });

  it('refuses a reversed or too long range with its own code', async () => {
    const reversed = await t.call(routes.statsOverview, { query: { from: '2026-03-02', to: '2026-03-01' } }, streetAdmin);
    expect(reversed.status).toBe(400);
    expect(reversed.error).toMatchObject({ code: 'STATS_RANGE_INVALID', message: expect.stringContaining('开始日期') });
    const long = await t.call(routes.statsOverview, { query: { from: '2023-01-01', to: '2026-01-01' } }, streetAdmin);
    expect(long.status).toBe(400);
    expect(long.error).toMatchObject({ code: 'STATS_RANGE_TOO_LONG', message: expect.stringContaining('两年') });
    expect((await t.call(routes.statsOverview, { query: { from: '2026-13-01' } }, streetAdmin)).error?.code).toBe('VALIDATION_FAILED');
    // Exactly two years (731 days with a leap day) is allowed.
    ok(await t.call(routes.statsOverview, { query: { from: '2024-06-01', to: '2026-05-31' } }, streetAdmin));
  });

  it('exports the overview as an Excel workbook with the same numbers', async () => {
    const response = await fetch(`${t.base}/api/stats/overview/export?from=${range.from}&to=${range.to}`, {
      headers: { authorization: `Bearer ${streetAdmin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['概况', '住户认证', '活动', '志愿服务时长', '议事投票', '社区对比']);
    const compare = book.getWorksheet('社区对比')!;
    const rowX = compare.getSheetValues().find((r) => Array.isArray(r) && r[1] === '统计甲社区') as unknown[];
    expect(rowX.slice(1)).toEqual(['统计甲社区', 4, 2, 2, 6, 2, 1, 2.5]);
  });

  it('gives a volunteer their total, this year and history from the hours ledger', async () => {
    const mine = ok(await t.call(routes.myVolunteerHours, { query: { pageSize: 2 } }, volunteer));
    expect(mine.totalMinutes).toBe(180);
    expect(mine.thisYearMinutes).toBe(150);
    expect(mine.history.total).toBe(3);
    expect(mine.history.items.map((h) => h.minutes)).toEqual([30, 60]);
    expect(mine.history.items[0]).toMatchObject({ activityTitle: '统计测试活动', createdAt: '2025-11-10T05:00:00.000Z' });
    const second = ok(await t.call(routes.myVolunteerHours, { query: { pageSize: 2, page: 2 } }, volunteer));
    expect(second.history.items.map((h) => h.minutes)).toEqual([90]);
    const nobody = ok(await t.call(routes.myVolunteerHours, {}, await t.login('resident')));
    expect(nobody).toMatchObject({ totalMinutes: 0, thisYearMinutes: 0, history: { total: 0, items: [] } });
    expect((await t.call(routes.myVolunteerHours, {})).status).toBe(401);
  });
});
