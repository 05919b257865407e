import { Injectable } from '@nestjs/common';
import type { MyVolunteerHours, PageQuery, StatsCommunityRow, StatsOverview, StatsOverviewQuery } from '@linli/shared';
import { chinaTime } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { StatsRepository } from './stats.repository.js';
import { chinaMidnight, statsRange } from './stats-window.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const CONSULTATIONS_SHOWN = 50;

/** The dashboard: scope from AccessService, numbers from StatsRepository's aggregates, summed per community here. */
@Injectable()
export class StatsService {
  constructor(
    private readonly access: AccessService,
    private readonly stats: StatsRepository,
    private readonly clock: Clock,
  ) {}

  async overview(auth: AuthContext, query: StatsOverviewQuery): Promise<StatsOverview> {
    const now = this.clock.now();
    const range = statsRange(query, now);
    const communityIds = await this.access.statsCommunities(auth, query.communityId);
    const w = { communityIds, from: range.fromAt, to: range.toAt, fromMonth: range.fromMonth, toMonth: range.toMonth };
    // One after another: on SQLite they share one connection anyway, and on MySQL a street's overview should not
    // take eight pool connections from residents' requests.
    const verified = await this.stats.residentsVerified(w);
    const pending = await this.stats.pendingClaims(communityIds, new Date(now.getTime() - 7 * DAY_MS));
    const activities = await this.stats.activities(w);
    const signups = await this.stats.signups(w);
    const minutes = await this.stats.volunteerMinutes(w);
    const consultations = await this.stats.consultations(w, CONSULTATIONS_SHOWN);
    const articles = await this.stats.articles(w, now);

    const count = (status: string[]) => signups.filter((s) => status.includes(s.status)).reduce((n, s) => n + s.count, 0);
    const attended = count(['attended']);
    const noShows = count(['no_show']);
    const oldest = pending.reduce<Date | null>((o, p) => (p.oldest && (!o || p.oldest < o) ? p.oldest : o), null);

    let comparison: StatsCommunityRow[] = [];
    if (communityIds.length > 1) {
      const names = await this.stats.communityNames(communityIds);
      const sum = <T extends { communityId: number }>(rows: T[], id: number, value: (r: T) => number) =>
        rows.filter((r) => r.communityId === id).reduce((n, r) => n + value(r), 0);
      comparison = communityIds.map((id) => ({
        communityId: id,
        name: names.get(id) ?? String(id),
        residentsVerified: sum(verified, id, (r) => r.count),
        pendingClaims: sum(pending, id, (r) => r.count),
        activitiesHeld: sum(activities, id, (r) => r.count),
        signups: sum(signups, id, (r) => (r.status === 'activity_cancelled' ? 0 : r.count)),
        attended: sum(signups, id, (r) => (r.status === 'attended' ? r.count : 0)),
        noShows: sum(signups, id, (r) => (r.status === 'no_show' ? r.count : 0)),
        volunteerMinutes: sum(minutes, id, (r) => r.minutes),
      }));
    }

    return {
      from: range.from,
      to: range.to,
      communityIds,
      residentsVerifiedByMonth: byMonth(verified, (r) => r.count).map(([month, count]) => ({ month, count })),
      pendingClaims: {
        count: pending.reduce((n, p) => n + p.count, 0),
        olderThanWeek: pending.reduce((n, p) => n + p.older, 0),
        oldestDays: oldest ? Math.floor((now.getTime() - oldest.getTime()) / DAY_MS) : null,
      },
      activitiesByMonth: mergeActivities(activities),
      signups: {
        total: count(['confirmed', 'waitlisted', 'offered', 'cancelled', 'offer_expired', 'attended', 'no_show']),
        attended,
        noShows,
        cancelled: count(['cancelled']),
        attendanceRate: attended + noShows === 0 ? null : attended / (attended + noShows),
      },
      waitlist: {
        activitiesFull: activities.reduce((n, a) => n + a.full, 0),
        activitiesHeld: activities.reduce((n, a) => n + a.count, 0),
        turnedAway: count(['waitlisted', 'offer_expired']),
      },
      volunteerMinutesByMonth: byMonth(minutes, (r) => r.minutes).map(([month, total]) => ({ month, minutes: total })),
      consultations,
      articles: {
        published: articles.reduce((n, a) => n + a.published, 0),
        reads: articles.reduce((n, a) => n + a.reads, 0),
      },
      communities: comparison,
    };
  }

  async myVolunteerHours(auth: AuthContext, page: PageQuery): Promise<MyVolunteerHours> {
    const year = chinaTime(this.clock.now()).year;
    const totals = await this.stats.myMinutes(auth.userId, chinaMidnight(`${year}-01-01`));
    const history = await this.stats.myHistory(auth.userId, (page.page - 1) * page.pageSize, page.pageSize);
    return {
      totalMinutes: totals.total,
      thisYearMinutes: totals.thisYear,
      history: { items: history.items, total: history.total, page: page.page, pageSize: page.pageSize },
    };
  }
}

/** Sums per-community rows into one row per month, months in order. */
function byMonth<T extends { month: string }>(rows: T[], value: (r: T) => number): [string, number][] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.month, (totals.get(r.month) ?? 0) + value(r));
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function mergeActivities(rows: { month: string; category: StatsOverview['activitiesByMonth'][number]['category']; count: number }[]) {
  const totals = new Map<string, StatsOverview['activitiesByMonth'][number]>();
  for (const r of rows) {
    const key = `${r.month} ${r.category}`;
    const row = totals.get(key) ?? { month: r.month, category: r.category, count: 0 };
    row.count += r.count;
    totals.set(key, row);
  }
  return [...totals.values()].sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category));
}
