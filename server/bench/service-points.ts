import Sqlite from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { api, loginPersona } from './api-client.js';
import { load, printTable } from './load.js';
import type { BenchServer } from './server-process.js';

const POINTS = Number(process.env.BENCH_POINTS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
/** The demo street's centre (幸福里社区); the points spread over a district 20 km square around it. */
const CENTRE = { lat: 25.04, lng: 102.71 };
const SPREAD_DEG = { lat: 0.18, lng: 0.2 };
const KINDS = ['children_home', 'social_work_station', 'elderly_care_centre', 'elderly_canteen', 'health_station', 'other'];
const HOURS = JSON.stringify({
  periods: [1, 2, 3, 4, 5].flatMap((day) => [
    { day, open: '08:30', close: '12:00' },
    { day, open: '14:00', close: '17:30' },
  ]),
  note: '法定节假日休息',
});
const COLUMNS = ['streetId', 'communityId', 'name', 'kind', 'organisationId', 'address', 'lat', 'latBand', 'lng', 'hours', 'services', 'phone'];

/** Deterministic positions (a fixed LCG), so runs are comparable. */
function* points(streetId: number) {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < POINTS; i++) {
    const lat = CENTRE.lat + (next() - 0.5) * SPREAD_DEG.lat;
    yield [
      streetId,
      null,
      `服务点${i}`,
      KINDS[i % KINDS.length],
      null,
      `测试路${i}号`,
      lat,
      // ServicePoint.latBand: 1.1 km bands of latitude.
      Math.floor(lat * 100),
      CENTRE.lng + (next() - 0.5) * SPREAD_DEG.lng,
      HOURS,
      JSON.stringify(['助餐', '日间照料', '政策咨询']),
      '0871-65550000',
    ];
  }
}

/** 10,000 service points written straight into the server's database (street-level points of the demo street). */
async function fill(server: BenchServer, mysqlUrl: string | null): Promise<void> {
  const insert = `INSERT INTO \`service_point\` (${COLUMNS.map((c) => `\`${c}\``).join(', ')}) VALUES `;
  if (mysqlUrl) {
    const conn = await createConnection(mysqlUrl);
    const [[street]] = (await conn.query('SELECT `id` FROM `street` ORDER BY `id` LIMIT 1')) as unknown as [{ id: number }[]];
    const rows = [...points(street.id)];
    for (let i = 0; i < rows.length; i += 1000) await conn.query(`${insert} ?`, [rows.slice(i, i + 1000)]);
    await conn.query('ANALYZE TABLE `service_point`');
    await conn.end();
    return;
  }
  const db = new Sqlite(server.sqlitePath!);
  db.pragma('busy_timeout = 10000');
  const street = db.prepare('SELECT `id` FROM `street` ORDER BY `id` LIMIT 1').get() as { id: number };
  const statement = db.prepare(`${insert} (${COLUMNS.map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (const row of points(street.id)) statement.run(row);
  })();
  db.exec('ANALYZE');
  db.close();
}

/** 身边服务 over 10,000 points: p99 of `GET /api/service-points/near` against `/api/health` in the same run. */
export async function pointsBench(server: BenchServer, label: string, mysqlUrl: string | null, seconds: number) {
  await fill(server, mysqlUrl);
  const resident = await loginPersona(server.baseUrl, 'resident');
  const auth = { authorization: `Bearer ${resident}` };
  const me = await api<{ residencies: { household: { id: number } }[] }>(server.baseUrl, 'GET', '/me', undefined, resident);
  const householdId = me.residencies[0].household.id;
  const position = `lat=${CENTRE.lat + 0.003}&lng=${CENTRE.lng - 0.002}`;
  const sample = await api<{ items: unknown[] }>(server.baseUrl, 'GET', `/service-points/near?${position}`, undefined, resident);
  const wide = await api<{ items: unknown[] }>(server.baseUrl, 'GET', `/service-points/near?${position}&radius=5000&limit=50`, undefined, resident);
  const scenarios = [
    [`near a position (3 km, 20 of ${sample.items.length})`, `/api/service-points/near?${position}`],
    ['near my household (3 km, 20)', `/api/service-points/near?householdId=${householdId}`],
    [`widest: 5 km, 50 of ${wide.items.length}`, `/api/service-points/near?${position}&radius=5000&limit=50`],
  ] as const;
  // Many at once (queueing on two shared cores sets the tail), then one at a time (each request's own cost).
  for (const connections of [CONNECTIONS, 1]) {
    const run = (name: string, path: string, headers?: Record<string, string>) =>
      load(name, { url: `${server.baseUrl}${path}`, connections, seconds, headers });
    await run('warm-up', '/api/health');
    // The near path's first second runs interpreted code; a server that has been up a while does not.
    await run('warm-up', scenarios[0][1], auth);
    const health = await run('GET /api/health', '/api/health');
    const rows = [];
    for (const [name, path] of scenarios) {
      const result = await run(name, path, auth);
      rows.push({ ...result, ratio: (result.p99 / health.p99).toFixed(2) });
    }
    printTable(
      `Service circle, ${label}: ${POINTS} points over a 20 × 20 km district, ${connections} connection(s), ${seconds} s each ("vs health" here: p99 ÷ health p99)`,
      [health, ...rows],
    );
  }
}
