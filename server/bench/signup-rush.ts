import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createPool } from 'mysql2/promise';
import { api, createResidents, loginPersona, publishedActivity } from './api-client.js';
import { runConcurrently, summarise } from './percentiles.js';
import type { BenchServer } from './server-process.js';

const RESIDENTS = Number(process.env.BENCH_RUSH_RESIDENTS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_RUSH_CONCURRENCY ?? 200);
const SEATS = 100;

/** POST with keep-alive sockets, as a phone would reuse its connection; resolves with the status code. */
function post(agent: Agent, url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The same writes the server makes for one sign-up, through bare mysql2 on a pool of the same size: the floor
 * no framework can beat. One conditional UPDATE of the counters, the sign-up row and the inbox row, in one transaction.
 */
async function bareSignup(pool: ReturnType<typeof createPool>, activityId: number, userId: number): Promise<boolean> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [update] = await conn.execute(
      "UPDATE `activity` SET `seatsTaken` = `seatsTaken` + 1 WHERE `id` = ? AND `status` = 'published' AND `seatsTaken` + 1 <= `seats`",
      [activityId],
    );
    if ((update as { affectedRows: number }).affectedRows !== 1) {
      await conn.rollback();
      return false;
    }
    const now = new Date();
    await conn.execute(
      "INSERT INTO `signup` (`activityId`, `userId`, `role`, `status`, `active`, `size`, `companions`, `answers`, `checkinCode`, `createdAt`) VALUES (?, ?, 'participant', 'confirmed', 1, 1, '[]', '{}', ?, ?)",
      [activityId, userId, randomBytes(12).toString('base64url'), now],
    );
    await conn.execute(
      "INSERT INTO `inbox_item` (`userId`, `kind`, `title`, `body`, `activityId`, `createdAt`) VALUES (?, 'signup_confirmed', '报名成功', ?, ?, ?)",
      [userId, '您已报名「老年人智能手机课堂」，请按时参加。', activityId, now],
    );
    await conn.commit();
    return true;
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}

/** 5,000 distinct residents tap 报名 at once for 100 seats, through the API and through bare mysql2. */
export async function signupRush(server: BenchServer, mysqlUrl: string) {
  const committee = await loginPersona(server.baseUrl, 'committee');
  const residents = await createResidents(server.baseUrl, RESIDENTS, 'rush');
  const apiActivity = await publishedActivity(server.baseUrl, committee, SEATS, false);
  const floorActivity = await publishedActivity(server.baseUrl, committee, SEATS, false);

  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(`${server.baseUrl}/api/activities/${apiActivity}/signups`);
  const statuses = new Map<number, number>();
  const apiRun = await runConcurrently(RESIDENTS, CONCURRENCY, async (i) => {
    const status = await post(agent, url, residents[i].token, '{"role":"participant"}');
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  agent.destroy();
  const detail = await api<{ seatsTaken: number }>(server.baseUrl, 'GET', `/activities/${apiActivity}`, undefined, committee);

  const pool = createPool({ uri: mysqlUrl, connectionLimit: 30, timezone: 'Z' });
  let floorConfirmed = 0;
  const floorRun = await runConcurrently(RESIDENTS, CONCURRENCY, async (i) => {
    if (await bareSignup(pool, floorActivity, residents[i].id)) floorConfirmed++;
  });
  await pool.end();

  const apiFigures = summarise('POST /api/activities/:id/signups', apiRun.latencies, apiRun.elapsedMs);
  const floorFigures = summarise('bare mysql2, same transaction', floorRun.latencies, floorRun.elapsedMs);
  console.log(`\nSign-up rush on MySQL: ${RESIDENTS} distinct residents, concurrency ${CONCURRENCY}, ${SEATS} seats`);
  console.table([
    { ...apiFigures, confirmed: statuses.get(201) ?? 0, 'ratio to floor': (apiFigures.rps / floorFigures.rps).toFixed(2) },
    { ...floorFigures, confirmed: floorConfirmed, 'ratio to floor': '1.00' },
  ]);
  console.log(`HTTP statuses: ${JSON.stringify(Object.fromEntries(statuses))}; activity seatsTaken = ${detail.seatsTaken}`);
  if (statuses.get(201) !== SEATS || detail.seatsTaken !== SEATS || floorConfirmed !== SEATS) {
    throw new Error(`Expected exactly ${SEATS} confirmed sign-ups`);
  }
}
