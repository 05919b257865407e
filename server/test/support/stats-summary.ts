import type { Database } from '../../src/database/database.js';
import { statsMonthRecountSql } from '../../src/stats/stats-month-writer.js';

/** The summary as `communityId month metric` → n, rows at zero left out (a count that came and went). */
export async function statsSummary(db: Database): Promise<Record<string, number>> {
  const rows = await db.rawQuery<{ communityId: number; month: string; metric: string; n: number | string }>(
    'SELECT `communityId`, `month`, `metric`, `n` FROM `stats_month` WHERE `n` <> 0',
    [],
  );
  return Object.fromEntries(rows.map((r) => [`${r.communityId} ${r.month} ${r.metric}`, Number(r.n)]));
}

/** Throws the summary away and counts it again from the raw rows, as the migration fills it. */
export async function recountStatsSummary(db: Database): Promise<void> {
  await db.transaction(async () => {
    await db.rawQuery('DELETE FROM `stats_month`', []);
    for (const sql of statsMonthRecountSql(db.kind)) await db.rawQuery(sql, []);
  });
}
