import { Agent } from 'node:http';
import { createPool } from 'mysql2/promise';
import { api, createResidents, loginPersona, publishedActivity, send } from './api-client.js';
import { bareSignup } from './bare-signup.js';
import { runConcurrently, summarise } from './percentiles.js';
import { withFloorServer } from './floor-process.js';
import type { BenchServer } from './server-process.js';

const RESIDENTS = Number(process.env.BENCH_RUSH_RESIDENTS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_RUSH_CONCURRENCY ?? 200);
const SEATS = 100;

/** Every resident taps 报名 once, through keep-alive connections; returns the run and the count of each status. */
async function rush(baseUrl: string, activityId: number, residents: { token: string }[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(`${baseUrl}/api/activities/${activityId}/signups`);
  const statuses = new Map<number, number>();
  const run = await runConcurrently(residents.length, CONCURRENCY, async (i) => {
    const status = await send(agent, url, 'POST', residents[i].token, '{"role":"participant"}');
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  agent.destroy();
  return { run, statuses };
}

/**
 * 5,000 distinct residents tap 报名 at once for 100 seats: through the API, and against two floors doing the
 * same transaction for every request: bare mysql2 called in this process (the database's limit), and bare
 * mysql2 behind bare node:http in its own process (what any HTTP server on this machine pays, without a
 * framework). On a machine whose cores also run the load generator and the database, the HTTP client's own
 * work is part of every API request but of no in-process floor request; the second floor shows that share.
 */
export async function signupRush(server: BenchServer, mysqlUrl: string) {
  const committee = await loginPersona(server.baseUrl, 'committee');
  const residents = await createResidents(server.baseUrl, RESIDENTS, 'rush');
  const [apiActivity, floorActivity, httpFloorActivity] = [
    await publishedActivity(server.baseUrl, committee, SEATS, false),
    await publishedActivity(server.baseUrl, committee, SEATS, false),
    await publishedActivity(server.baseUrl, committee, SEATS, false),
  ];

  const apiRush = await rush(server.baseUrl, apiActivity, residents);
  const detail = await api<{ seatsTaken: number }>(server.baseUrl, 'GET', `/activities/${apiActivity}`, undefined, committee);

  const pool = createPool({ uri: mysqlUrl, connectionLimit: 30, timezone: 'Z' });
  let floorConfirmed = 0;
  const floorRun = await runConcurrently(RESIDENTS, CONCURRENCY, async (i) => {
    if (await bareSignup(pool, floorActivity, residents[i].id)) floorConfirmed++;
  });
  await pool.end();
  const httpFloor = await withFloorServer(mysqlUrl, (baseUrl) => rush(baseUrl, httpFloorActivity, residents));

  const apiFigures = summarise('POST /api/activities/:id/signups', apiRush.run.latencies, apiRush.run.elapsedMs);
  const floorFigures = summarise('floor: bare mysql2, same transaction', floorRun.latencies, floorRun.elapsedMs);
  const httpFloorFigures = summarise('floor: node:http + bare mysql2', httpFloor.run.latencies, httpFloor.run.elapsedMs);
  const ratio = (rps: number) => ({ 'vs bare mysql2': (rps / floorFigures.rps).toFixed(2), 'vs node:http + mysql2': (rps / httpFloorFigures.rps).toFixed(2) });
  console.log(`\nSign-up rush on MySQL: ${RESIDENTS} distinct residents, concurrency ${CONCURRENCY}, ${SEATS} seats`);
  console.table([
    { ...apiFigures, confirmed: apiRush.statuses.get(201) ?? 0, ...ratio(apiFigures.rps) },
    { ...floorFigures, confirmed: floorConfirmed, ...ratio(floorFigures.rps) },
    { ...httpFloorFigures, confirmed: httpFloor.statuses.get(201) ?? 0, ...ratio(httpFloorFigures.rps) },
  ]);
  console.log(`API HTTP statuses: ${JSON.stringify(Object.fromEntries(apiRush.statuses))}; activity seatsTaken = ${detail.seatsTaken}`);
  if ([apiRush.statuses.get(201), detail.seatsTaken, floorConfirmed, httpFloor.statuses.get(201)].some((n) => n !== SEATS)) {
    throw new Error(`Expected exactly ${SEATS} confirmed sign-ups in every run`);
  }
}
