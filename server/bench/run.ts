import { createConnection } from 'mysql2/promise';
import { activityList } from './activity-list.js';
import { feedBench } from './feed.js';
import { loginPersona } from './api-client.js';
import { load, printTable, type LoadResult } from './load.js';
import { startBenchServer, type BenchServer } from './server-process.js';
import { sanitiserAttack } from './sanitiser-attack.js';
import { signupRush } from './signup-rush.js';
import { fillDistrict, statsBench } from './stats-district.js';
import { servicesBench } from './services-district.js';
import { voteSurge } from './vote-surge.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test';
/** `BENCH_ONLY=rush,list` runs just those parts (identity, list, rush, vote, feed, sanitiser, stats, services); all of them by default. */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'identity,list,rush,vote,feed,sanitiser,stats,services').split(','));
const part = (name: string) => ONLY.has(name);
/** The bench servers listen on this port (SQLite) and the next (MySQL); move it when another bench is running. */
const PORT = Number(process.env.BENCH_PORT ?? 3900);

/** Identity reads against the server's own floor (/api/health) in the same run: the ratio is what to watch. */
async function identityReads(server: BenchServer, label: string) {
  const token = await loginPersona(server.baseUrl, 'committee');
  const auth = { authorization: `Bearer ${token}` };
  const run = (name: string, path: string, headers?: Record<string, string>) =>
    load(name, { url: `${server.baseUrl}${path}`, connections: CONNECTIONS, seconds: SECONDS, headers });
  await run('warm-up', '/api/health');
  const health = await run('GET /api/health', '/api/health');
  const rows: (LoadResult & { ratio?: string })[] = [health];
  for (const [name, path] of [
    ['GET /api/me', '/api/me'],
    ['GET /api/communities', '/api/communities'],
    ['GET /api/residency-claims', '/api/residency-claims?status=pending'],
  ] as const) {
    const result = await run(name, path, auth);
    rows.push({ ...result, ratio: (result.rps / health.rps).toFixed(2) });
  }
  printTable(`Identity reads, ${label}: ${CONNECTIONS} connections, ${SECONDS} s each`, rows);
}

async function withServer(database: { kind: 'sqlite' } | { kind: 'mysql'; url: string }, port: number, work: (s: BenchServer) => Promise<void>) {
  const server = await startBenchServer(port, database);
  try {
    await work(server);
  } finally {
    await server.stop();
  }
}

async function freshMysqlDatabase(): Promise<string | null> {
  try {
    const conn = await createConnection(MYSQL_URL);
    const name = `linli_bench_${Date.now()}`;
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
    const url = new URL(MYSQL_URL);
    url.pathname = `/${name}`;
    return url.toString();
  } catch (error) {
    console.log(`\nMySQL at ${MYSQL_URL} is not reachable (${(error as Error).message}): MySQL figures skipped.`);
    return null;
  }
}

async function dropMysqlDatabase(url: string) {
  const conn = await createConnection(MYSQL_URL);
  await conn.query(`DROP DATABASE IF EXISTS \`${new URL(url).pathname.slice(1)}\``);
  await conn.end();
}

/**
 * A second MySQL database: the demo street filled to district size by `fill`, and a server on it (the database goes
 * with it). `benchId` is what the fill returns: a bench community, or a bench service item.
 */
async function districtServer(fill: (url: string) => Promise<number> = fillDistrict) {
  const url = await freshMysqlDatabase();
  if (!url) throw new Error('MySQL is needed for the statistics bench');
  // The server creates the schema and the demo street; it is restarted after the fill so nothing is cached.
  let benchId: number;
  let server: BenchServer;
  try {
    await (await startBenchServer(PORT + 2, { kind: 'mysql', url })).stop();
    benchId = await fill(url);
    server = await startBenchServer(PORT + 2, { kind: 'mysql', url });
  } catch (error) {
    await dropMysqlDatabase(url);
    throw error;
  }
  return {
    server,
    url,
    benchId,
    stop: async () => {
      await server.stop();
      if (!process.env.BENCH_STATS_KEEP) await dropMysqlDatabase(url);
    },
  };
}

async function main() {
  console.log(`Linli benchmarks on ${(await import('node:os')).cpus().length} cores, Node ${process.version}`);
  await withServer({ kind: 'sqlite' }, PORT, async (server) => {
    if (part('identity')) await identityReads(server, 'embedded SQLite');
    if (part('list')) await activityList(server, 'embedded SQLite', SECONDS);
    if (part('sanitiser')) await sanitiserAttack(server, 'embedded SQLite', Math.max(SECONDS, 10));
  });
  const url = await freshMysqlDatabase();
  if (!url) return;
  try {
    await withServer({ kind: 'mysql', url }, PORT + 1, async (server) => {
      if (part('identity')) await identityReads(server, 'MySQL');
      if (part('rush')) await signupRush(server, url);
      if (part('vote')) await voteSurge(server, url);
      if (part('list')) await activityList(server, 'MySQL', SECONDS);
      if (part('feed')) await feedBench(server, url, SECONDS);
      if (part('sanitiser')) await sanitiserAttack(server, 'MySQL', Math.max(SECONDS, 10));
      if (part('stats')) await statsBench(server, () => districtServer());
      if (part('services')) await servicesBench(server, districtServer);
    });
  } finally {
    await dropMysqlDatabase(url);
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
