import type { DatabaseKind, SignupStatus } from '@linli/shared';
import type { Database } from '../database/database.js';
import { dateParam } from '../polls/raw-sql.js';

/** `col` (a datetime column or parameter) as YYYY-MM in China time. */
export function chinaMonthSql(kind: DatabaseKind, col: string): string {
  return kind === 'mysql' ? `DATE_FORMAT(DATE_ADD(${col}, INTERVAL 8 HOUR), '%Y-%m')` : `strftime('%Y-%m', ${col}, '+8 hours')`;
}

function signupMetricSql(kind: DatabaseKind, statusCol: string): string {
  return kind === 'mysql' ? `CONCAT('signup:', ${statusCol})` : `'signup:' || ${statusCol}`;
}

const INSERT = 'INSERT INTO `stats_month` (`communityId`, `month`, `metric`, `n`)';
/** Sign-ups count while their activity is published (the dashboard's activities are the published ones). */
const PUBLISHED = "a.`status` = 'published'";

/**
 * Keeps `stats_month` (StatsMonth) in step with the rows it counts. Each call is one conditional upsert
 * (`n = n + delta`) run in the caller's transaction, right after the write it counts, so the summary commits or
 * rolls back with it and concurrent writers add up instead of overwriting. Callers make sure they are in a
 * transaction (a repository opens one around the write and the call when it is not).
 *
 * On the hottest path (a sign-up in a rush) this is one more single-row statement; it locks only the summary row
 * of its community, month and status, from the sign-up's INSERT until COMMIT, which the activity's own seat
 * counter already holds for as long.
 */
export class StatsMonthWriter {
  constructor(private readonly db: Database) {}

  private get upsert(): string {
    return this.db.kind === 'mysql'
      ? 'ON DUPLICATE KEY UPDATE `n` = `n` + VALUES(`n`)'
      : 'ON CONFLICT (`communityId`, `month`, `metric`) DO UPDATE SET `n` = `n` + excluded.`n`';
  }

  private month(col: string): string {
    return chinaMonthSql(this.db.kind, col);
  }

  /** `n` participant sign-ups of the activity came into `status` (or left it, n < 0); counted while it is published. */
  async signup(activityId: number, status: SignupStatus, n: number): Promise<void> {
    await this.db.rawQuery(
      `${INSERT} SELECT a.\`communityId\`, ${this.month('a.`startsAt`')}, ?, ? FROM \`activity\` a WHERE a.\`id\` = ? AND ${PUBLISHED} ${this.upsert}`,
      [`signup:${status}`, n, activityId],
    );
  }

  /** The sign-up has just moved from `from` to `to` (its conditional UPDATE matched); a volunteer's counts nowhere. */
  async signupMoved(signupId: number, from: SignupStatus, to: SignupStatus): Promise<void> {
    if (from === to) return;
    for (const [status, n] of [[from, -1], [to, 1]] as const) {
      await this.db.rawQuery(
        `${INSERT} SELECT a.\`communityId\`, ${this.month('a.`startsAt`')}, ?, ? FROM \`signup\` s JOIN \`activity\` a ON a.\`id\` = s.\`activityId\`
         WHERE s.\`id\` = ? AND s.\`role\` = 'participant' AND ${PUBLISHED} ${this.upsert}`,
        [`signup:${status}`, n, signupId],
      );
    }
  }

  /**
   * Runs `work`, a change of the activities' status or start (one activity by id, or every session of a series),
   * with their participant sign-ups taken out of the summary before and counted back after: whatever the change,
   * the counts end up under the month and status the activities have then (nowhere unless published). On MySQL
   * INSERT … SELECT reads the rows it counts with shared locks, so a sign-up moving at the same time waits, or is
   * counted as it stood, and its own change then lands where the activity is now.
   */
  async recountAround<T>(which: { activityId: number } | { seriesId: number }, work: () => Promise<T>): Promise<T> {
    // The activities' own row lock first, as every sign-up writer takes it: a shared lock from the count below,
    // upgraded later by `work`, would deadlock against a sign-up queued for the same row.
    if (this.db.kind === 'mysql') await this.db.rawQuery(`SELECT a.\`id\` FROM \`activity\` a WHERE ${this.which(which)} FOR UPDATE`, [this.key(which)]);
    await this.activitiesSignups(which, -1);
    const result = await work();
    await this.activitiesSignups(which, 1);
    return result;
  }

  private async activitiesSignups(which: { activityId: number } | { seriesId: number }, sign: 1 | -1): Promise<void> {
    await this.db.rawQuery(
      `${INSERT} SELECT a.\`communityId\`, ${this.month('a.`startsAt`')} AS \`m\`, ${signupMetricSql(this.db.kind, 's.`status`')} AS \`metric\`, ${sign} * COUNT(*)
       FROM \`activity\` a JOIN \`signup\` s ON s.\`activityId\` = a.\`id\` AND s.\`role\` = 'participant'
       WHERE ${this.which(which)} AND ${PUBLISHED} GROUP BY a.\`communityId\`, \`m\`, s.\`status\` ${this.upsert}`,
      [this.key(which)],
    );
  }

  private which(which: { activityId: number } | { seriesId: number }): string {
    return 'activityId' in which ? 'a.`id` = ?' : 'a.`seriesId` = ?';
  }

  private key(which: { activityId: number } | { seriesId: number }): number {
    return 'activityId' in which ? which.activityId : which.seriesId;
  }

  /** Minutes credited at `at` for work on the activity. */
  async volunteerMinutes(activityId: number, at: Date, minutes: number): Promise<void> {
    await this.db.rawQuery(
      `${INSERT} SELECT a.\`communityId\`, ${this.month('?')}, 'volunteer_minutes', ? FROM \`activity\` a WHERE a.\`id\` = ? ${this.upsert}`,
      [dateParam(this.db, at), minutes, activityId],
    );
  }

  /** `n` residencies verified at `at` were added to the community (or removed, n < 0). */
  async residentsVerified(communityId: number, at: Date, n: number): Promise<void> {
    await this.db.rawQuery(`${INSERT} VALUES (?, ${this.month('?')}, 'residents_verified', ?) ${this.upsert}`, [communityId, dateParam(this.db, at), n]);
  }

  /** The user's residencies are about to be deleted: they leave the counts of the months they were verified in. */
  async residenciesRemoved(userId: number): Promise<void> {
    await this.db.rawQuery(
      `${INSERT} SELECT \`communityId\`, ${this.month('`verifiedAt`')} AS \`m\`, 'residents_verified', -COUNT(*) FROM \`residency\`
       WHERE \`userId\` = ? GROUP BY \`communityId\`, \`m\` ${this.upsert}`,
      [userId],
    );
  }
}

/**
 * The whole summary recounted from the raw rows: what the migration fills it with, what the benchmark runs
 * after its bulk fill, and what the tests compare the maintained summary against.
 */
export function statsMonthRecountSql(kind: DatabaseKind): string[] {
  const month = (col: string) => chinaMonthSql(kind, col);
  return [
    `${INSERT} SELECT a.\`communityId\`, ${month('a.`startsAt`')} AS \`m\`, ${signupMetricSql(kind, 's.`status`')} AS \`metric\`, COUNT(*)
     FROM \`signup\` s JOIN \`activity\` a ON a.\`id\` = s.\`activityId\` WHERE s.\`role\` = 'participant' AND ${PUBLISHED} GROUP BY a.\`communityId\`, \`m\`, s.\`status\``,
    `${INSERT} SELECT a.\`communityId\`, ${month('v.`createdAt`')} AS \`m\`, 'volunteer_minutes', SUM(v.\`minutes\`)
     FROM \`volunteer_hours\` v JOIN \`activity\` a ON a.\`id\` = v.\`activityId\` GROUP BY a.\`communityId\`, \`m\``,
    `${INSERT} SELECT \`communityId\`, ${month('`verifiedAt`')} AS \`m\`, 'residents_verified', COUNT(*) FROM \`residency\` GROUP BY \`communityId\`, \`m\``,
  ];
}
