import { api, loginPersona, publishedActivity } from './api-client.js';
import { load, printTable } from './load.js';
import type { BenchServer } from './server-process.js';

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 1000);
const CONNECTIONS = 200;

/** A resident's 活动 tab at concurrency 200 over 1,000 published activities, against /api/health in the same run. */
export async function activityList(server: BenchServer, label: string, seconds: number) {
  const committee = await loginPersona(server.baseUrl, 'committee');
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next++ < ACTIVITIES) await publishedActivity(server.baseUrl, committee, 30, true);
    }),
  );
  const resident = await loginPersona(server.baseUrl, 'resident');
  const page = await api<{ total: number }>(server.baseUrl, 'GET', '/activities?range=all', undefined, resident);
  const run = (name: string, path: string, headers?: Record<string, string>) =>
    load(name, { url: `${server.baseUrl}${path}`, connections: CONNECTIONS, seconds, headers });
  const health = await run('GET /api/health', '/api/health');
  const list = await run('GET /api/activities (page of 20)', '/api/activities', { authorization: `Bearer ${resident}` });
  printTable(`Activity list, ${label}: ${page.total} activities visible, ${CONNECTIONS} connections, ${seconds} s each`, [
    health,
    { ...list, ratio: (list.rps / health.rps).toFixed(2) },
  ]);
}
