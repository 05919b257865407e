import { Injectable } from '@nestjs/common';
import type { ActivityCategory } from '@linli/shared';
import { Database } from '../database/database.js';
import { dateParam, placeholders } from '../polls/raw-sql.js';

/** The instants [from, to) and the communities one overview counts. */
export interface StatsWindow {
  communityIds: number[];
  from: Date;
  to: Date;
}

export interface SignupCounts {
  communityId: number;
  status: string;
  count: number;
}

/**
 * The dashboard's aggregate queries: each one GROUP BY over an index led by community and time (see the
 * stats-indexes migration), so a community's figures read only that community's rows of the range and a
 * street's read each of its communities' ranges. Months are China months (UTC + 8 h); plain SQL because
 * the month expression differs between the databases.
 */
@Injectable()
export class StatsRepository {
  constructor(private readonly db: Database) {}

  /** `col` as YYYY-MM in China time. */
  private month(col: string): string {
    return this.db.kind === 'mysql' ? `DATE_FORMAT(DATE_ADD(${col}, INTERVAL 8 HOUR), '%Y-%m')` : `strftime('%Y-%m', ${col}, '+8 hours')`;
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

  /** Index residency(communityId, verifiedAt). */
  async residentsVerified(w: StatsWindow): Promise<{ communityId: number; month: string; count: number }[]> {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT \`communityId\`, ${this.month('`verifiedAt`')} AS \`month\`, COUNT(*) AS \`n\` FROM \`residency\`
       WHERE \`communityId\` IN (${placeholders(w.communityIds)}) AND \`verifiedAt\` >= ? AND \`verifiedAt\` < ?
       GROUP BY \`communityId\`, \`month\``,
      this.params(w),
    );
    return rows.map((r) => ({ communityId: Number(r.communityId), month: String(r.month), count: Number(r.n) }));
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

  /** Published, not cancelled activities starting in the range: index activity(communityId, startsAt, status, category). */
  async activities(w: StatsWindow): Promise<{ communityId: number; month: string; category: ActivityCategory; count: number; full: number }[]> {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT \`communityId\`, ${this.month('`startsAt`')} AS \`month\`, \`category\`, COUNT(*) AS \`n\`,
              SUM(CASE WHEN \`seatsTaken\` >= \`seats\` THEN 1 ELSE 0 END) AS \`full\`
       FROM \`activity\` WHERE \`communityId\` IN (${placeholders(w.communityIds)}) AND \`startsAt\` >= ? AND \`startsAt\` < ?
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

  /**
   * Participant sign-ups by status for those activities: the activity index finds the range, then
   * signup(activityId, role, status) answers each activity's counts from the index alone.
   */
  async signups(w: StatsWindow): Promise<SignupCounts[]> {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT a.\`communityId\`, s.\`status\`, COUNT(*) AS \`n\`
       FROM \`activity\` a JOIN \`signup\` s ON s.\`activityId\` = a.\`id\` AND s.\`role\` = 'participant'
       WHERE a.\`communityId\` IN (${placeholders(w.communityIds)}) AND a.\`startsAt\` >= ? AND a.\`startsAt\` < ?
         AND a.\`status\` = 'published'
       GROUP BY a.\`communityId\`, s.\`status\``,
      this.params(w),
    );
    return rows.map((r) => ({ communityId: Number(r.communityId), status: String(r.status), count: Number(r.n) }));
  }

  /** Hours credited in the range to the communities' activities: index volunteer_hours(activityId, createdAt, minutes). */
  async volunteerMinutes(w: StatsWindow): Promise<{ communityId: number; month: string; minutes: number }[]> {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT a.\`communityId\`, ${this.month('v.`createdAt`')} AS \`month\`, SUM(v.\`minutes\`) AS \`minutes\`
       FROM \`activity\` a JOIN \`volunteer_hours\` v ON v.\`activityId\` = a.\`id\`
       WHERE a.\`communityId\` IN (${placeholders(w.communityIds)}) AND v.\`createdAt\` >= ? AND v.\`createdAt\` < ?
       GROUP BY a.\`communityId\`, \`month\``,
      this.params(w),
    );
    return rows.map((r) => ({ communityId: Number(r.communityId), month: String(r.month), minutes: Number(r.minutes ?? 0) }));
  }

  /** Consultations open at some time in the range, with their ballot count (poll_participation's primary key). */
  async consultations(w: StatsWindow, limit: number) {
    const rows = await this.db.rawQuery<Record<string, unknown>>(
      `SELECT p.\`id\`, p.\`communityId\`, p.\`title\`, p.\`closesAt\`, p.\`status\`,
              (SELECT COUNT(*) FROM \`poll_participation\` pp WHERE pp.\`pollId\` = p.\`id\`) AS \`ballots\`
       FROM \`poll\` p WHERE p.\`communityId\` IN (${placeholders(w.communityIds)}) AND p.\`opensAt\` < ? AND p.\`closesAt\` >= ?
         AND p.\`status\` <> 'draft'
       ORDER BY p.\`closesAt\` DESC, p.\`id\` DESC LIMIT ${Number(limit)}`,
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
