import { createConnection, type Connection } from 'mysql2/promise';
import { api, loginPersona } from './api-client.js';
import { runConcurrently, summarise } from './percentiles.js';
import type { BenchServer } from './server-process.js';

/** District size (issue 12): 200 communities, 1 million residents, 10 million sign-ups; smaller on request. */
const COMMUNITIES = 200;
const RESIDENTS = Number(process.env.BENCH_STATS_RESIDENTS ?? 1_000_000);
const SIGNUPS = Number(process.env.BENCH_STATS_SIGNUPS ?? 10_000_000);
const ACTIVITIES_PER_COMMUNITY = 500;
const ACTIVITIES = COMMUNITIES * ACTIVITIES_PER_COMMUNITY;
/** Rows per INSERT … SELECT: one statement per chunk keeps each transaction's undo log modest. */
const CHUNK = 500_000;
const REQUESTS = Number(process.env.BENCH_STATS_REQUESTS ?? 40);

type Overview = { signups: { total: number }; communityIds: number[] };

/** p99 of the overview for one community and for the whole street, a few at a time (staff do not stampede it). */
export async function measureOverview(server: BenchServer, label: string, communityId: number) {
  const admin = await loginPersona(server.baseUrl, 'street-admin');
  const get = (query: string) => api<Overview>(server.baseUrl, 'GET', `/stats/overview${query}`, undefined, admin);
  const one = await get(`?communityId=${communityId}`);
  const street = await get('');
  const community = await runConcurrently(REQUESTS, 2, () => get(`?communityId=${communityId}`));
  const streetRun = await runConcurrently(Math.max(10, REQUESTS / 4), 2, () => get(''));
  const rows = [
    { ...summarise(`${label}: one community (${one.signups.total} sign-ups in 12 months)`, community.latencies, community.elapsedMs) },
    { ...summarise(`${label}: street, ${street.communityIds.length} communities (${street.signups.total} sign-ups)`, streetRun.latencies, streetRun.elapsedMs) },
  ];
  return rows;
}

/**
 * What a bulk fill needs: `step` runs one statement and prints how long it took; `base` is a free id range's start in
 * a table. Foreign-key and unique checks are off for the session (the fill's own ids are distinct by construction).
 */
export async function bulkFill(conn: Connection) {
  await conn.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  return {
    step: async (name: string, sql: string) => {
      const t0 = Date.now();
      await conn.query(sql);
      console.log(`  ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
    base: async (table: string) => {
      const [[row]] = (await conn.query(`SELECT COALESCE(MAX(\`id\`), 0) + 1000 AS b FROM \`${table}\``)) as unknown as [[{ b: number }]];
      return Number(row.b);
    },
  };
}

/** Fills the demo street up to district size with bulk SQL from MariaDB's seq_* tables; returns a bench community's id. */
export async function fillDistrict(mysqlUrl: string): Promise<number> {
  const conn = await createConnection(mysqlUrl);
  const started = Date.now();
  const { step, base } = await bulkFill(conn);
  try {
    const [[{ streetId }]] = (await conn.query('SELECT MIN(`streetId`) AS streetId FROM `community`')) as unknown as [[{ streetId: number }]];
    const c = await base('community');
    const h = await base('household');
    const u = await base('app_user');
    const a = await base('activity');
    const s = await base('signup');
    const p = await base('poll');
    const households = Math.ceil(RESIDENTS / 2);
    const community = (hh: string) => `${c} + ((${hh}) MOD ${COMMUNITIES})`;
    console.log(`Filling a district: ${COMMUNITIES} communities, ${RESIDENTS} residents, ${ACTIVITIES} activities, ${SIGNUPS} sign-ups`);
    await step('communities', `INSERT INTO \`community\` (\`id\`, \`streetId\`, \`name\`) SELECT ${c} + seq, ${streetId}, CONCAT('基准社区', seq) FROM seq_0_to_${COMMUNITIES - 1}`);
    await chunked(households, async (from, to) =>
      step(
        `households ${to + 1}`,
        `INSERT INTO \`household\` (\`id\`, \`communityId\`, \`building\`, \`unit\`, \`room\`)
         SELECT ${h} + seq, ${community('seq')}, CONCAT(seq DIV 20000 + 1, '栋'), '1', CONCAT(seq) FROM seq_${from}_to_${to}`,
      ),
    );
    await chunked(RESIDENTS, async (from, to) => {
      await step(
        `users ${to + 1}`,
        `INSERT INTO \`app_user\` (\`id\`, \`openid\`, \`nickname\`, \`createdAt\`) SELECT ${u} + seq, CONCAT('bench_district_', seq), CONCAT('居民', seq), NOW() FROM seq_${from}_to_${to}`,
      );
      await step(
        `residencies ${to + 1}`,
        `INSERT INTO \`residency\` (\`userId\`, \`householdId\`, \`communityId\`, \`source\`, \`verifiedAt\`)
         SELECT ${u} + seq, ${h} + seq DIV 2, ${community('seq DIV 2')}, 'census', NOW() - INTERVAL (seq MOD 1095) DAY FROM seq_${from}_to_${to}`,
      );
    });
    const pending = Math.min(10_000, RESIDENTS);
    await step(
      'pending claims',
      `INSERT INTO \`residency_claim\` (\`userId\`, \`householdId\`, \`communityId\`, \`realName\`, \`status\`, \`active\`, \`pendingSlot\`, \`createdAt\`)
       SELECT ${u} + seq, ${h} + (seq + 1) MOD ${households}, ${community(`(seq + 1) MOD ${households}`)}, '张三', 'pending', 1, 1, NOW() - INTERVAL (seq MOD 30) DAY
       FROM seq_0_to_${pending - 1}`,
    );
    // Activity n belongs to community n mod 200 and starts (n div 200) × 2 days ago: three years of history.
    const startsAt = (n: string) => `NOW() - INTERVAL ((${n}) DIV ${COMMUNITIES}) * 2 DAY`;
    await step(
      'activities',
      `INSERT INTO \`activity\` (\`id\`, \`communityId\`, \`createdBy\`, \`title\`, \`category\`, \`description\`, \`place\`, \`startsAt\`, \`endsAt\`,
         \`signupOpensAt\`, \`signupClosesAt\`, \`cancelDeadline\`, \`seats\`, \`seatsTaken\`, \`volunteerSlots\`, \`volunteersTaken\`, \`waitlistCount\`,
         \`audience\`, \`questions\`, \`companionsAllowed\`, \`waitlistEnabled\`, \`offerHoldMinutes\`, \`reminderMinutes\`, \`remindAt\`, \`status\`,
         \`publishedAt\`, \`checkinToken\`, \`createdAt\`)
       SELECT ${a} + seq, ${community('seq')}, ${u}, CONCAT('基准活动', seq),
         ELT(1 + seq MOD 7, 'elderly_care', 'youth', 'culture_sports', 'volunteering', 'lecture', 'consultation', 'other'), '', '活动室',
         ${startsAt('seq')}, ${startsAt('seq')} + INTERVAL 2 HOUR, ${startsAt('seq')} - INTERVAL 7 DAY, ${startsAt('seq')}, ${startsAt('seq')},
         100, 90 + seq MOD 11, 5, 5, seq MOD 3, '{}', '[]', 0, 1, 60, 60, ${startsAt('seq')}, 'published', ${startsAt('seq')} - INTERVAL 14 DAY,
         CONCAT('bench', seq), NOW()
       FROM seq_0_to_${ACTIVITIES - 1}`,
    );
    // Sign-up n: activity n mod A, and per activity distinct residents (n div A); statuses in the proportions of a
    // real street (6 attended, 1 no-show, 1 cancelled, 1 waitlisted, 1 confirmed in ten).
    const userOf = `${u} + (seq DIV ${ACTIVITIES}) + 100 * ((seq MOD ${ACTIVITIES}) MOD ${Math.floor((RESIDENTS - 100) / 100)})`;
    await chunked(SIGNUPS, (from, to) =>
      step(
        `sign-ups ${to + 1}`,
        `INSERT INTO \`signup\` (\`id\`, \`activityId\`, \`userId\`, \`role\`, \`status\`, \`active\`, \`size\`, \`companions\`, \`answers\`, \`contentHeld\`, \`checkinCode\`, \`createdAt\`)
         SELECT ${s} + seq, ${a} + seq MOD ${ACTIVITIES}, ${userOf}, 'participant',
           ELT(1 + (seq DIV ${ACTIVITIES}) MOD 10, 'attended', 'attended', 'attended', 'attended', 'attended', 'attended', 'no_show', 'cancelled', 'waitlisted', 'confirmed'),
           IF((seq DIV ${ACTIVITIES}) MOD 10 = 7, NULL, 1), 1, '[]', '{}', 0, CONCAT('bs', seq), NOW()
         FROM seq_${from}_to_${to}`,
      ),
    );
    // One in ten sign-ups earns volunteer hours, credited when its activity ended.
    await chunked(Math.floor(SIGNUPS / 10), (from, to) =>
      step(
        `volunteer hours ${to + 1}`,
        `INSERT INTO \`volunteer_hours\` (\`userId\`, \`activityId\`, \`signupId\`, \`minutes\`, \`createdAt\`)
         SELECT ${userOf}, ${a} + seq MOD ${ACTIVITIES}, ${s} + seq, 60 + seq MOD 120, ${startsAt(`seq MOD ${ACTIVITIES}`)} + INTERVAL 2 HOUR
         FROM seq_${from}_to_${to}`,
      ),
    );
    const polls = COMMUNITIES * 10;
    await step(
      'consultations',
      `INSERT INTO \`poll\` (\`id\`, \`communityId\`, \`createdBy\`, \`title\`, \`background\`, \`buildings\`, \`voterMode\`, \`secrecy\`, \`opensAt\`, \`closesAt\`,
         \`resultsVisibility\`, \`minBallots\`, \`quorumPercent\`, \`passRule\`, \`opinionsEnabled\`, \`status\`, \`createdAt\`)
       SELECT ${p} + seq, ${community('seq')}, ${u}, CONCAT('基准议题', seq), '', '[]', 'person', 'secret', NOW() - INTERVAL (seq DIV ${COMMUNITIES}) * 30 DAY - INTERVAL 14 DAY,
         NOW() - INTERVAL (seq DIV ${COMMUNITIES}) * 30 DAY, 'after_close', 0, 0, 'simple_majority', 0, 'closed', NOW()
       FROM seq_0_to_${polls - 1}`,
    );
    await step(
      'ballots',
      `INSERT INTO \`poll_participation\` (\`pollId\`, \`voterKey\`, \`channel\`, \`createdAt\`)
       SELECT ${p} + seq MOD ${polls}, CONCAT('v', seq), 'online', NOW() FROM seq_0_to_${polls * 100 - 1}`,
    );
    await step(
      'articles',
      `INSERT INTO \`article\` (\`communityId\`, \`createdBy\`, \`kind\`, \`title\`, \`summary\`, \`body\`, \`pinned\`, \`status\`, \`publishedAt\`, \`readCount\`, \`createdAt\`)
       SELECT ${community('seq')}, ${u}, 'notice', CONCAT('基准文章', seq), '', '<p>通知</p>', 0, 'published', NOW() - INTERVAL (seq DIV ${COMMUNITIES}) * 7 DAY, seq MOD 500, NOW()
       FROM seq_0_to_${COMMUNITIES * 50 - 1}`,
    );
    // The bulk SQL above went past the writes that keep the monthly summary: count it as the migration does, with
    // the server's own statements (built to dist/ by `pnpm build` before the bench; the bench compiles on its own).
    const writer = new URL('../stats/stats-month-writer.js', import.meta.url).href;
    const { statsMonthRecountSql } = (await import(writer)) as { statsMonthRecountSql: (kind: 'mysql') => string[] };
    await step('summary (stats_month) emptied', 'DELETE FROM `stats_month`');
    for (const [i, sql] of statsMonthRecountSql('mysql').entries()) await step(`summary recount ${i + 1}`, sql);
    await analyze(conn, ['community', 'household', 'residency', 'residency_claim', 'activity', 'signup', 'volunteer_hours', 'poll', 'poll_participation', 'article', 'stats_month']);
    console.log(`District filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return c;
  } finally {
    await conn.end();
  }
}

/** Runs `work` over [0, total) in chunks of CHUNK rows: one INSERT … SELECT each keeps its undo log modest. */
export async function chunked(total: number, work: (from: number, to: number) => Promise<void>) {
  for (let from = 0; from < total; from += CHUNK) await work(from, Math.min(total, from + CHUNK) - 1);
}

/** Fresh index statistics after a bulk fill, so the plans are the ones a grown database would get. */
export async function analyze(conn: Connection, tables: string[]) {
  for (const table of tables) await conn.query(`ANALYZE TABLE \`${table}\``);
}

/** Prints the plan of each query, so the README can show them. */
export async function explainAll(mysqlUrl: string, queries: Record<string, string>) {
  const conn = await createConnection(mysqlUrl);
  try {
    for (const [name, sql] of Object.entries(queries)) {
      const [rows] = (await conn.query(`EXPLAIN ${sql}`)) as unknown as [Record<string, unknown>[]];
      console.log(`\nEXPLAIN ${name}`);
      console.table(rows.map((r) => ({ table: r.table, type: r.type, key: r.key, rows: r.rows, Extra: r.Extra })));
    }
  } finally {
    await conn.end();
  }
}

/** The plans of the summary read and of the biggest aggregate still on raw rows, printed so the README can show them. */
export async function explainOverview(mysqlUrl: string, communityId: number) {
  const conn = await createConnection(mysqlUrl);
  let street: string;
  try {
    // The street's communities as a list, as the server sends them.
    const [ids] = (await conn.query('SELECT id FROM community WHERE streetId = (SELECT streetId FROM community WHERE id = ?)', [communityId])) as unknown as [{ id: number }[]];
    street = ids.map((r) => r.id).join(', ');
  } finally {
    await conn.end();
  }
  await explainAll(mysqlUrl, {
    summaryStreet: `SELECT communityId, month, metric, n FROM stats_month
      WHERE communityId IN (${street}) AND month >= DATE_FORMAT(NOW() - INTERVAL 11 MONTH, '%Y-%m') AND month <= DATE_FORMAT(NOW(), '%Y-%m') AND metric LIKE 'signup:%'`,
    activitiesStreet: `SELECT communityId, DATE_FORMAT(startsAt, '%Y-%m') m, category, COUNT(*), SUM(CASE WHEN seatsTaken >= seats THEN 1 ELSE 0 END) FROM activity FORCE INDEX (IDX_7c3fafa24bdf6d5f1a272a8d48)
      WHERE communityId IN (${street}) AND startsAt >= NOW() - INTERVAL 1 YEAR AND startsAt < NOW() AND status = 'published' GROUP BY communityId, m, category`,
  });
}

/** The whole part: the demo database's figures, then the district's, and their ratio. */
export async function statsBench(demo: BenchServer, district: () => Promise<{ server: BenchServer; url: string; benchId: number; stop: () => Promise<void> }>) {
  const communities = await api<{ items: { id: number }[] }>(demo.baseUrl, 'GET', '/communities');
  const demoRows = await measureOverview(demo, 'demo', communities.items[0].id);
  const d = await district();
  try {
    const districtRows = await measureOverview(d.server, 'district', d.benchId);
    await explainOverview(d.url, d.benchId);
    console.log(`\nStatistics overview, MySQL, ${REQUESTS} requests (street: ${Math.max(10, REQUESTS / 4)}), 2 at a time (target: community p99 < 200 ms, district ≤ 3× demo)`);
    console.table(
      [...demoRows, ...districtRows].map((r, i) => ({
        scenario: r.name,
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        'vs demo': i >= 2 ? (r.p99 / Math.max(1, demoRows[i - 2].p99)).toFixed(1) : '',
      })),
    );
  } finally {
    await d.stop();
  }
}
