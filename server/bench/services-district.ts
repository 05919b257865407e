import { createConnection } from 'mysql2/promise';
import { api, loginPersona } from './api-client.js';
import { runConcurrently, summarise } from './percentiles.js';
import type { BenchServer } from './server-process.js';
import { analyze, bulkFill, chunked, explainAll } from './stats-district.js';

/** District size (issue 13): 200 more communities, each with a year's contract of six items, and 2 million service logs. */
const COMMUNITIES = 200;
const ITEMS_PER_CONTRACT = 6;
const ITEMS = COMMUNITIES * ITEMS_PER_CONTRACT;
const BENEFICIARIES_PER_ITEM = Number(process.env.BENCH_SERVICE_BENEFICIARIES ?? 100);
const LOGS = Number(process.env.BENCH_SERVICE_LOGS ?? 2_000_000);
const REQUESTS = Number(process.env.BENCH_SERVICE_REQUESTS ?? 100);
/** The contracts began this many days ago and run a year. */
const STARTED_DAYS_AGO = 300;

type ItemProgress = { itemId: number; done: number; beneficiaries: number };
type StreetSummary = { items: number; overdue: number; communities: unknown[] };

/** p99 of one item's progress and of the street summary, two at a time (staff do not stampede them). */
async function measure(server: BenchServer, label: string, itemId: number) {
  const admin = await loginPersona(server.baseUrl, 'street-admin');
  const item = () => api<ItemProgress>(server.baseUrl, 'GET', `/service-items/${itemId}/progress`, undefined, admin);
  const street = () => api<StreetSummary>(server.baseUrl, 'GET', '/service-progress/street', undefined, admin);
  const one = await item();
  const summary = await street();
  const itemRun = await runConcurrently(REQUESTS, 2, item);
  const streetRun = await runConcurrently(Math.max(10, REQUESTS / 2), 2, street);
  return [
    summarise(`${label}: item progress (${one.done} done, ${one.beneficiaries} on the register)`, itemRun.latencies, itemRun.elapsedMs),
    summarise(`${label}: street summary (${summary.items} items, ${summary.communities.length} communities, ${summary.overdue} overdue)`, streetRun.latencies, streetRun.elapsedMs),
  ];
}

/**
 * Fills the demo street with bulk SQL from MariaDB's seq_* tables: 200 communities served by the demo social-work
 * organisation, a contract each with six items, a register per item, LOGS service logs spread over the items and the
 * months so far, and the monthly summary rows those logs' writes would have left. Returns a district item's id.
 */
export async function fillServiceDistrict(mysqlUrl: string): Promise<number> {
  const conn = await createConnection(mysqlUrl);
  const started = Date.now();
  const { step, base } = await bulkFill(conn);
  try {
    const [[ids]] = (await conn.query(
      'SELECT MIN(c.`streetId`) AS streetId, (SELECT MIN(`providerId`) FROM `service_contract`) AS providerId, (SELECT MIN(`id`) FROM `app_user`) AS userId FROM `community` c',
    )) as unknown as [[{ streetId: number; providerId: number; userId: number }]];
    const c = await base('community');
    const k = await base('service_contract');
    const i = await base('service_item');
    const b = await base('service_beneficiary');
    const l = await base('service_log');
    const beneficiaries = ITEMS * BENEFICIARIES_PER_ITEM;
    const start = `CURDATE() - INTERVAL ${STARTED_DAYS_AGO} DAY`;
    console.log(`Filling a service district: ${COMMUNITIES} communities, ${ITEMS} items, ${beneficiaries} beneficiaries, ${LOGS} logs`);
    await step('communities', `INSERT INTO \`community\` (\`id\`, \`streetId\`, \`name\`) SELECT ${c} + seq, ${ids.streetId}, CONCAT('服务基准社区', seq) FROM seq_0_to_${COMMUNITIES - 1}`);
    await step('served by the provider', `INSERT INTO \`organisation_community\` (\`organisationId\`, \`communityId\`) SELECT ${ids.providerId}, ${c} + seq FROM seq_0_to_${COMMUNITIES - 1}`);
    await step(
      'contracts',
      `INSERT INTO \`service_contract\` (\`id\`, \`title\`, \`streetId\`, \`communityId\`, \`providerId\`, \`evaluatorId\`, \`type\`, \`periodStart\`, \`periodEnd\`, \`amountFen\`, \`version\`, \`createdBy\`, \`createdAt\`)
       SELECT ${k} + seq, CONCAT('基准服务合同', seq), ${ids.streetId}, ${c} + seq, ${ids.providerId}, NULL, 'delegation',
         DATE_FORMAT(${start}, '%Y-%m-%d'), DATE_FORMAT(${start} + INTERVAL 1 YEAR - INTERVAL 1 DAY, '%Y-%m-%d'), 30000000, 1, ${ids.userId}, NOW()
       FROM seq_0_to_${COMMUNITIES - 1}`,
    );
    // Item n: contract n div 6, unit and tiers by n mod 6 (the first of each contract is the tiered home visits).
    await step(
      'items',
      `INSERT INTO \`service_item\` (\`id\`, \`contractId\`, \`communityId\`, \`name\`, \`description\`, \`targetGroup\`, \`unit\`, \`targetQuantity\`, \`tiers\`, \`version\`, \`createdAt\`)
       SELECT ${i} + seq, ${k} + seq DIV ${ITEMS_PER_CONTRACT}, ${c} + seq DIV ${ITEMS_PER_CONTRACT}, CONCAT('基准服务项目', seq), '', 'elderly',
         ELT(1 + seq MOD 4, 'household_visits', 'person_times', 'sessions', 'hours'), ${Math.ceil((LOGS / ITEMS) * 1.2)},
         '[{"tier":"高风险","everyDays":7},{"tier":"重点","everyDays":30},{"tier":"一般","everyDays":90}]', 1, NOW()
       FROM seq_0_to_${ITEMS - 1}`,
    );
    // Due days spread from 60 days ago to 30 days ahead: about two in three overdue, the worst case for the counts.
    await step(
      'beneficiaries',
      `INSERT INTO \`service_beneficiary\` (\`id\`, \`itemId\`, \`communityId\`, \`name\`, \`householdId\`, \`tier\`, \`phone\`, \`notes\`, \`lastServedOn\`, \`dueOn\`, \`registeredOn\`, \`archivedAt\`)
       SELECT ${b} + seq, ${i} + seq MOD ${ITEMS}, ${c} + (seq MOD ${ITEMS}) DIV ${ITEMS_PER_CONTRACT}, CONCAT('老人', seq), NULL,
         ELT(1 + seq MOD 3, '高风险', '重点', '一般'), NULL, '', NULL, DATE_FORMAT(CURDATE() - INTERVAL 60 DAY + INTERVAL seq MOD 90 DAY, '%Y-%m-%d'),
         DATE_FORMAT(${start}, '%Y-%m-%d'), NULL
       FROM seq_0_to_${beneficiaries - 1}`,
    );
    // Log n: item n mod ITEMS, served on a day of the contract so far; every third for a person on the register.
    await chunked(LOGS, (from, to) =>
      step(
        `logs ${to + 1}`,
        `INSERT INTO \`service_log\` (\`id\`, \`itemId\`, \`beneficiaryId\`, \`workerId\`, \`servedOn\`, \`minutes\`, \`form\`, \`peopleServed\`, \`quantity\`, \`note\`, \`photos\`, \`voidsId\`, \`createdAt\`)
         SELECT ${l} + seq, ${i} + seq MOD ${ITEMS}, IF(seq MOD 3 = 0, ${b} + (seq DIV ${ITEMS}) MOD ${BENEFICIARIES_PER_ITEM} * ${ITEMS} + seq MOD ${ITEMS}, NULL),
           ${ids.userId}, DATE_FORMAT(${start} + INTERVAL (seq DIV ${ITEMS}) MOD ${STARTED_DAYS_AGO} DAY, '%Y-%m-%d'), 45, 'visit', 1, 1, '', '[]', NULL, NOW()
         FROM seq_${from}_to_${to}`,
      ),
    );
    await step(
      'monthly summary rows',
      `INSERT INTO \`service_item_month\` (\`itemId\`, \`month\`, \`quantity\`, \`logs\`, \`minutes\`)
       SELECT \`itemId\`, LEFT(\`servedOn\`, 7), SUM(\`quantity\`), COUNT(*), SUM(\`minutes\`) FROM \`service_log\` WHERE \`itemId\` >= ${i} GROUP BY \`itemId\`, LEFT(\`servedOn\`, 7)`,
    );
    await step(
      'due-week counts',
      `INSERT INTO \`service_item_due_week\` (\`itemId\`, \`week\`, \`people\`)
       SELECT \`itemId\`, DATE_FORMAT(\`dueOn\` - INTERVAL WEEKDAY(\`dueOn\`) DAY, '%Y-%m-%d') AS \`week\`, COUNT(*) FROM \`service_beneficiary\`
       WHERE \`itemId\` >= ${i} AND \`archivedAt\` IS NULL AND \`dueOn\` IS NOT NULL GROUP BY \`itemId\`, \`week\``,
    );
    await analyze(conn, ['community', 'service_contract', 'service_item', 'service_beneficiary', 'service_log', 'service_item_month', 'service_item_due_week']);
    console.log(`Service district filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return i;
  } finally {
    await conn.end();
  }
}

/** The plans of the progress reads, printed so the README can show them. */
function explainProgress(mysqlUrl: string, itemId: number) {
  return explainAll(mysqlUrl, {
    itemMonths: `SELECT month, quantity, logs, minutes FROM service_item_month WHERE itemId = ${itemId} ORDER BY month`,
    itemTiers: `SELECT tier, COUNT(*), SUM(CASE WHEN dueOn < '2099-01-01' THEN 1 ELSE 0 END) FROM service_beneficiary WHERE itemId = ${itemId} AND archivedAt IS NULL GROUP BY tier`,
    streetItems: `SELECT i.id, SUM(m.quantity) FROM service_contract c JOIN service_item i ON i.contractId = c.id LEFT JOIN service_item_month m ON m.itemId = i.id
      WHERE c.streetId = (SELECT MIN(streetId) FROM community) AND c.periodStart <= CURDATE() AND c.periodEnd >= CURDATE() GROUP BY i.id`,
    streetOverdueWeeks: `SELECT w.itemId, SUM(w.people) FROM service_contract c JOIN service_item i ON i.contractId = c.id
      JOIN service_item_due_week w ON w.itemId = i.id AND w.week < DATE_FORMAT(CURDATE() - INTERVAL WEEKDAY(CURDATE()) DAY, '%Y-%m-%d')
      WHERE c.streetId = (SELECT MIN(streetId) FROM community) AND c.periodStart <= CURDATE() AND c.periodEnd >= CURDATE() GROUP BY w.itemId`,
  });
}

/** The whole part: the demo database's figures, then the district's, and their ratio. */
export async function servicesBench(
  demo: BenchServer,
  district: (fill: (url: string) => Promise<number>) => Promise<{ server: BenchServer; url: string; benchId: number; stop: () => Promise<void> }>,
) {
  const admin = await loginPersona(demo.baseUrl, 'street-admin');
  const contracts = await api<{ items: { id: number }[] }>(demo.baseUrl, 'GET', '/service-contracts', undefined, admin);
  const items = await api<{ items: { id: number }[] }>(demo.baseUrl, 'GET', `/service-items?contractId=${contracts.items[0].id}`, undefined, admin);
  const demoRows = await measure(demo, 'demo', items.items[0].id);
  const d = await district(fillServiceDistrict);
  try {
    const districtRows = await measure(d.server, 'district', d.benchId);
    await explainProgress(d.url, d.benchId);
    console.log(`\nDelegated-services progress, MySQL, ${REQUESTS} item requests (street: ${Math.max(10, REQUESTS / 2)}), 2 at a time (target p99 < 200 ms)`);
    console.table(
      [...demoRows, ...districtRows].map((r, n) => ({
        scenario: r.name,
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        'vs demo': n >= 2 ? (r.p99 / Math.max(1, demoRows[n - 2].p99)).toFixed(1) : '',
      })),
    );
  } finally {
    await d.stop();
  }
}
