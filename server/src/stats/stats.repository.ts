import { Injectable } from '@nestjs/common';
import type { ActivityCategory } from '@linli/shared';
import { Database } from '../database/database.js';
import { dateParam, placeholders } from '../polls/raw-sql.js';
import { chinaMonthSql } from './stats-month-writer.js';

/** The instants [from, to), the same as whole China months (YYYY-MM, both included), and the communities one overview counts. */
export interface StatsWindow {
  communityIds: number[];
  from: Date;
  to: Date;
  fromMonth: string;
  toMonth: string;
}

export interface SignupCounts {
  communityId: number;
  status: string;
  count: number;
}

/**
 * The dashboard's aggregate queries. What grows with a district's history (sign-ups, volunteer hours, verified
 * residents) is read from the monthly summary `stats_month` (StatsMonthWriter keeps it with every write), a few
 * rows per community and month; the rest (activities, claims, consultations, articles) GROUP BY over indexes led
 * by community and time (see the stats-indexes migration). Months are China months (UTC + 8 h); plain SQL because
 * the month expression differs between the databases.
 */
@Injectable()
export class StatsRepository {
  constructor(private readonly db: Database) {}

  /** `col` as YYYY-MM in China time. */
  private month(col: string): string {
    return chinaMonthSql(this.db.kind, col);
  }

  /** The summary's counts of one metric for the window's communities, month by month. */
  private async summary(w: StatsWindow, metric: string): Promise<{ communityId: number; month: string; n: number }[]> {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT \`communityId\`, \`month\`, \`n\` FROM \`stats_month\`
       WHERE \`communityId\` IN (${placeholders(w.communityIds)}) AND \`month\` >= ? AND \`month\` <= ? AND \`metric\` = ? AND \`n\` <> 0`,
      [...w.communityIds, w.fromMonth, w.toMonth, metric],
    );
    return rows.map((r) => ({ communityId: Number(r.communityId), month: String(r.month), n: Number(r.n) }));
  }

  /**
   * MariaDB estimates an IN list of more than 200 values (a street) from index statistics rather than by looking,
   * and then takes (status, startsAt) and reads every activity row of the district's year; the covering index
   * answers from the index alone. Its name is TypeORM's for its columns (activity.entity.ts).
   */
  private get dashboardIndex(): string {
    return this.db.kind === 'mysql' ? 'FORCE INDEX (`IDX_7c3fafa24bdf6d5f1a272a8d48`)' : '';
  }

  private params(w: StatsWindow): unknown[] {
    return [...w.communityIds, dateParam(this.db, w.from), dateParam(this.db, w.to)];
  }

  async communityNames(ids: number[]): Promise<Map<number, string>> {
    const rows = await this.db.rawQuery<{ id: number; name: string }>(
      `SELECT \`id\`, \`name\` FROM \`community\` WHERE \`id\` IN (${placeholders(ids)})`,
      ids,
    );
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  }

  /** Residencies by the month they were verified (summary). */
  async residentsVerified(w: StatsWindow): Promise<{ communityId: number; month: string; count: number }[]> {
    return (await this.summary(w, 'residents_verified')).map((r) => ({ communityId: r.communityId, month: r.month, count: r.n }));
  }

  /** Claims waiting now (not range-bound): index residency_claim(communityId, status, createdAt). */
  async pendingClaims(communityIds: number[], weekAgo: Date): Promise<{ communityId: number; count: number; older: number; oldest: Date | null }[]> {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT \`communityId\`, COUNT(*) AS \`n\`, SUM(CASE WHEN \`createdAt\` < ? THEN 1 ELSE 0 END) AS \`older\`, MIN(\`createdAt\`) AS \`oldest\`
       FROM \`residency_claim\` WHERE \`communityId\` IN (${placeholders(communityIds)}) AND \`status\` = 'pending'
       GROUP BY \`communityId\``,
      [dateParam(this.db, weekAgo), ...communityIds],
    );
    return rows.map((r) => ({
      communityId: Number(r.communityId),
      count: Number(r.n),
      older: Number(r.older ?? 0),
      oldest: r.oldest === null ? null : toDate(r.oldest),
    }));
  }

  /** Published activities starting in the range: index activity(communityId, status, startsAt, category, seats, seatsTaken). */
  async activities(w: StatsWindow): Promise<{ communityId: number; month: string; category: ActivityCategory; count: number; full: number }[]> {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT \`communityId\`, ${this.month('`startsAt`')} AS \`month\`, \`category\`, COUNT(*) AS \`n\`,
              SUM(CASE WHEN \`seatsTaken\` >= \`seats\` THEN 1 ELSE 0 END) AS \`full\`
       FROM \`activity\` ${this.dashboardIndex} WHERE \`communityId\` IN (${placeholders(w.communityIds)}) AND \`startsAt\` >= ? AND \`startsAt\` < ?
         AND \`status\` = 'published'
       GROUP BY \`communityId\`, \`month\`, \`category\``,
      this.params(w),
    );
    return rows.map((r) => ({
      communityId: Number(r.communityId),
      month: String(r.month),
      category: r.category as ActivityCategory,
      count: Number(r.n),
      full: Number(r.full ?? 0),
    }));
  }

  /** Participant sign-ups by status, of published activities starting in the window's months (summary, summed here). */
  async signups(w: StatsWindow): Promise<SignupCounts[]> {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT \`communityId\`, \`metric\`, SUM(\`n\`) AS \`n\` FROM \`stats_month\`
       WHERE \`communityId\` IN (${placeholders(w.communityIds)}) AND \`month\` >= ? AND \`month\` <= ? AND \`metric\` LIKE 'signup:%'
       GROUP BY \`communityId\`, \`metric\``,
      [...w.communityIds, w.fromMonth, w.toMonth],
    );
    return rows.map((r) => ({ communityId: Number(r.communityId), status: String(r.metric).slice('signup:'.length), count: Number(r.n) }));
  }

  /** Volunteer minutes by the month they were credited, to the communities' activities (summary). */
  async volunteerMinutes(w: StatsWindow): Promise<{ communityId: number; month: string; minutes: number }[]> {
    return (await this.summary(w, 'volunteer_minutes')).map((r) => ({ communityId: r.communityId, month: r.month, minutes: r.n }));
  }

  /**
   * Consultations open at some time in the range, newest first, with their ballot count (poll_participation's primary
   * key). The page of polls is chosen first, so ballots are counted for those alone, not for every poll of a street.
   */
  async consultations(w: StatsWindow, limit: number) {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT p.\`id\`, p.\`communityId\`, p.\`title\`, p.\`closesAt\`, p.\`status\`,
              (SELECT COUNT(*) FROM \`poll_participation\` pp WHERE pp.\`pollId\` = p.\`id\`) AS \`ballots\`
       FROM (SELECT \`id\`, \`communityId\`, \`title\`, \`closesAt\`, \`status\` FROM \`poll\`
             WHERE \`communityId\` IN (${placeholders(w.communityIds)}) AND \`opensAt\` < ? AND \`closesAt\` >= ? AND \`status\` <> 'draft'
             ORDER BY \`closesAt\` DESC, \`id\` DESC LIMIT ${Number(limit)}) p
       ORDER BY p.\`closesAt\` DESC, p.\`id\` DESC`,
      [...w.communityIds, dateParam(this.db, w.to), dateParam(this.db, w.from)],
    );
    return rows.map((r) => ({
      pollId: Number(r.id),
      communityId: Number(r.communityId),
      title: String(r.title),
      closesAt: toDate(r.closesAt).toISOString(),
      status: String(r.status),
      ballots: Number(r.ballots),
    }));
  }

  /** Articles that went live in the range and how often they were read: index article(communityId, status, publishedAt). */
  async articles(w: StatsWindow, now: Date): Promise<{ communityId: number; published: number; reads: number }[]> {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT \`communityId\`, COUNT(*) AS \`n\`, SUM(\`readCount\`) AS \`reads\` FROM \`article\`
       WHERE \`communityId\` IN (${placeholders(w.communityIds)}) AND \`status\` IN ('published', 'scheduled')
         AND \`publishedAt\` >= ? AND \`publishedAt\` < ? AND \`publishedAt\` <= ?
       GROUP BY \`communityId\``,
      [...this.params(w), dateParam(this.db, now)],
    );
    return rows.map((r) => ({ communityId: Number(r.communityId), published: Number(r.n), reads: Number(r.reads ?? 0) }));
  }

  /** A volunteer's total and this year's minutes, from volunteer_hours(userId, createdAt, minutes) alone. */
  async myMinutes(userId: number, yearStart: Date): Promise<{ total: number; thisYear: number }> {
    const [row] = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT COALESCE(SUM(\`minutes\`), 0) AS \`total\`, COALESCE(SUM(CASE WHEN \`createdAt\` >= ? THEN \`minutes\` ELSE 0 END), 0) AS \`year\`
       FROM \`volunteer_hours\` WHERE \`userId\` = ?`,
      [dateParam(this.db, yearStart), userId],
    );
    return { total: Number(row?.total ?? 0), thisYear: Number(row?.year ?? 0) };
  }

  /** One page of a volunteer's credits, newest first, with the activity's title. */
  async myHistory(userId: number, offset: number, limit: number) {
    const [rows, [count]] = await Promise.all([
      this.db.rawQuery<Record<string, unknown>>(
        `SELECT v.\`id\`, v.\`activityId\`, a.\`title\`, v.\`minutes\`, v.\`createdAt\`
         FROM \`volunteer_hours\` v JOIN \`activity\` a ON a.\`id\` = v.\`activityId\`
         WHERE v.\`userId\` = ? ORDER BY v.\`id\` DESC LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
        [userId],
      ),
      this.db.rawQuery<Record<string, unknown>>('SELECT COUNT(*) AS `n` FROM `volunteer_hours` WHERE `userId` = ?', [userId]),
    ]);
    const items = rows.map((r) => ({
      id: Number(r.id),
      activityId: Number(r.activityId),
      activityTitle: String(r.title),
      minutes: Number(r.minutes),
      createdAt: toDate(r.createdAt).toISOString(),
    }));
    return { items, total: Number(count?.n ?? 0) };
  }
}

/** A datetime as the driver hands it back: a Date (mysql2) or UTC text (SQLite). */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(text.includes('T') ? text : `${text.replace(' ', 'T')}Z`);
}
