import { Agent } from 'node:http';
import autocannon from 'autocannon';
import { createPool } from 'mysql2/promise';
import { bareBallot, groupedBareBallots } from './bare-ballot.js';
import { api, loginPersona, send } from './api-client.js';
import { withFloorServer } from './floor-process.js';
import { percentile, runConcurrently, summarise } from './percentiles.js';
import type { BenchServer } from './server-process.js';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_VOTE_CONCURRENCY ?? 200);
/** Residents watching the live results while the surge runs: each reloads them every READ_EVERY_MS. */
const RESULT_READERS = 4;
const READ_EVERY_MS = 100;
const PER_BUILDING = 1000;
/**
 * Ballots each path casts first, in a poll of their own, so what is measured runs JIT-compiled code, as in a server
 * that has been up a while (the first few hundred ballots of a fresh process run in the interpreter).
 */
const WARM_UP = Math.min(500, VOTERS);

interface Voter {
  token: string;
  id: number;
}

interface PollShape {
  id: number;
  questions: { id: number; options: { id: number }[] }[];
}

/**
 * `count` verified residents of the community through the API: a census lists them (in buildings 票1栋, 票2栋, …
 * of 1,000 households each), then each logs in and claims their home under the listed name, approved at once.
 */
async function verifiedVoters(baseUrl: string, committee: string, communityId: number, count: number): Promise<Voter[]> {
  const where = (i: number) => ({ building: `票${Math.floor(i / PER_BUILDING) + 1}栋`, room: String(1000 + (i % PER_BUILDING)) });
  const lines = ['楼栋,单元,房号,姓名', ...Array.from({ length: count }, (_, i) => `${where(i).building},1单元,${where(i).room},投票人${i}`)];
  await api(baseUrl, 'POST', `/communities/${communityId}/census`, { csv: lines.join('\n') }, committee);
  const householdIds = new Map<string, number>();
  for (let b = 0; b * PER_BUILDING < count; b++) {
    const building = `票${b + 1}栋`;
    // The household list comes a page (at most 500) at a time.
    for (let page = 1; ; page++) {
      const path = `/communities/${communityId}/households?building=${encodeURIComponent(building)}&page=${page}&pageSize=500`;
      const { items, total } = await api<{ items: { id: number; room: string }[]; total: number }>(baseUrl, 'GET', path, undefined, committee);
      for (const h of items) householdIds.set(`${building}/${h.room}`, h.id);
      if (items.length === 0 || page * 500 >= total) break;
    }
  }
  const out: Voter[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < count) {
        const i = next++;
        const login = await api<{ token: string; me: { id: number } }>(baseUrl, 'POST', '/auth/dev', { openid: `voter-${i}`, nickname: `投票人${i}` });
        const { building, room } = where(i);
        await api(baseUrl, 'POST', '/residency-claims', { householdId: householdIds.get(`${building}/${room}`), realName: `投票人${i}` }, login.token);
        out[i] = { token: login.token, id: login.me.id };
      }
    }),
  );
  return out;
}

/** An open poll for the whole community: one person one vote, secret, live results. */
async function openPoll(baseUrl: string, committee: string, communityId: number, title: string): Promise<PollShape> {
  const now = Date.now();
  const created = await api<PollShape>(
    baseUrl,
    'POST',
    '/polls',
    {
      communityId,
      title,
      questions: [{ title: '您是否同意加装电梯？', options: [{ label: '同意' }, { label: '不同意' }, { label: '弃权' }] }],
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 24 * 3600_000).toISOString(),
      resultsVisibility: 'live',
    },
    committee,
  );
  return api<PollShape>(baseUrl, 'POST', `/polls/${created.id}/open`, undefined, committee);
}

/**
 * Every voter casts one ballot: autocannon at fixed concurrency, each request with the next voter's token and
 * an option in turn (its client costs the shared cores far less CPU than node:http's). Throughput is requests
 * over wall time.
 */
async function castAll(baseUrl: string, poll: PollShape, voters: Voter[], query: string) {
  let next = 0;
  const option = (i: number) => poll.questions[0].options[i % 3].id;
  const result = await autocannon({
    url: baseUrl,
    connections: CONCURRENCY,
    amount: voters.length,
    requests: [
      {
        method: 'POST',
        path: `/api/polls/${poll.id}/ballots${query}`,
        setupRequest: (req) => {
          const i = next++;
          const body = JSON.stringify({ answers: [{ questionId: poll.questions[0].id, optionIds: [option(i)] }] });
          return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${voters[i].token}` }, body };
        },
      },
    ],
  });
  const statuses = new Map(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [Number(code), stat.count ?? 0]));
  const rps = Math.round((result.requests.total * 1000) / (result.finish.getTime() - result.start.getTime()));
  return { figures: { requests: result.requests.total, rps, p50: result.latency.p50, p99: result.latency.p99 }, statuses };
}

/**
 * 20,000 distinct eligible residents vote at concurrency 200, through the API and through bare mysql2, while a
 * few readers poll GET /api/polls/:id/results.
 */
export async function voteSurge(server: BenchServer, mysqlUrl: string) {
  const committee = await loginPersona(server.baseUrl, 'committee');
  const { items } = await api<{ items: { id: number; name: string }[] }>(server.baseUrl, 'GET', '/communities');
  const communityId = items.find((c) => c.name === '幸福里社区')!.id;
  const arranged = performance.now();
  const voters = await verifiedVoters(server.baseUrl, committee, communityId, VOTERS);
  console.log(`\n(arranged ${VOTERS} verified residents in ${Math.round((performance.now() - arranged) / 1000)} s)`);
  // Arranging 20,000 residents leaves MariaDB flushing and purging for a while; BENCH_SETTLE_MS lets it finish first.
  await new Promise((r) => setTimeout(r, Number(process.env.BENCH_SETTLE_MS ?? 0)));
  const warmUpPoll = (path: string) => openPoll(server.baseUrl, committee, communityId, `预热（${path}）`);
  await castAll(server.baseUrl, await warmUpPoll('接口'), voters.slice(0, WARM_UP), '');
  const apiPoll = await openPoll(server.baseUrl, committee, communityId, '加装电梯意见征集（接口）');

  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY + RESULT_READERS });
  const resultsUrl = new URL(`${server.baseUrl}/api/polls/${apiPoll.id}/results`);
  const statuses = new Map<number, number>();
  const readLatencies: number[] = [];
  let readErrors = 0;
  let surging = true;
  // The watchers have the page open before the surge starts.
  await send(agent, resultsUrl, 'GET', voters[0].token);
  const readers = Array.from({ length: RESULT_READERS }, async (_, r) => {
    while (surging) {
      const t0 = performance.now();
      if ((await send(agent, resultsUrl, 'GET', voters[r].token)) !== 200) readErrors++;
      const took = performance.now() - t0;
      readLatencies.push(took);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, READ_EVERY_MS - took)));
    }
  });
  const surge = await castAll(server.baseUrl, apiPoll, voters, '');
  surging = false;
  for (const [status, count] of surge.statuses) statuses.set(status, count);
  await Promise.all(readers);
  agent.destroy();
  const results = await api<{ turnout: { ballotsCast: number }; questions: { options: { votes: number }[] }[] }>(
    server.baseUrl,
    'GET',
    `/polls/${apiPoll.id}/results`,
    undefined,
    committee,
  );

  const pool = createPool({ uri: mysqlUrl, connectionLimit: 30, timezone: 'Z' });
  const bareRun = async (title: string, cast: typeof bareBallot, count = VOTERS) => {
    const poll = await openPoll(server.baseUrl, committee, communityId, title);
    let counted = 0;
    const run = await runConcurrently(count, CONCURRENCY, async (i) => {
      if (await cast(pool, { pollId: poll.id, questionId: poll.questions[0].id, optionId: poll.questions[0].options[i % 3].id, communityId, voterId: voters[i].id })) counted++;
    });
    return { ...run, counted };
  };
  await bareRun('预热（基准）', bareBallot, WARM_UP);
  const floorRun = await bareRun('加装电梯意见征集（基准）', bareBallot);
  const grouped = groupedBareBallots(pool);
  const castGrouped: typeof bareBallot = (_, ballot) => grouped(ballot);
  await bareRun('预热（成组基准）', castGrouped, WARM_UP);
  const groupedRun = await bareRun('加装电梯意见征集（成组基准）', castGrouped);
  await pool.end();
  const httpFloorPoll = await openPoll(server.baseUrl, committee, communityId, '加装电梯意见征集（HTTP基准）');
  const httpWarmUpPoll = await warmUpPoll('HTTP基准');
  const httpFloor = await withFloorServer(mysqlUrl, async (baseUrl) => {
    await castAll(baseUrl, httpWarmUpPoll, voters.slice(0, WARM_UP), `?communityId=${communityId}`);
    return castAll(baseUrl, httpFloorPoll, voters, `?communityId=${communityId}`);
  });

  const apiFigures = { name: 'POST /api/polls/:id/ballots', ...surge.figures };
  const floorFigures = summarise('floor: bare mysql2, one transaction per ballot', floorRun.latencies, floorRun.elapsedMs);
  const groupedFigures = summarise('bare mysql2, grouped like the server', groupedRun.latencies, groupedRun.elapsedMs);
  const httpFloorFigures = { name: 'floor: node:http + bare mysql2', ...httpFloor.figures };
  const ratio = (rps: number) => ({
    'vs bare mysql2': (rps / floorFigures.rps).toFixed(2),
    'vs grouped bare': (rps / groupedFigures.rps).toFixed(2),
    'vs node:http + mysql2': (rps / httpFloorFigures.rps).toFixed(2),
  });
  const sortedReads = [...readLatencies].sort((a, b) => a - b);
  console.log(`\nVote surge on MySQL: ${VOTERS} distinct eligible residents, concurrency ${CONCURRENCY}`);
  console.table([
    { ...apiFigures, counted: statuses.get(201) ?? 0, ...ratio(apiFigures.rps) },
    { ...floorFigures, counted: floorRun.counted, ...ratio(floorFigures.rps) },
    { ...groupedFigures, counted: groupedRun.counted, ...ratio(groupedFigures.rps) },
    { ...httpFloorFigures, counted: httpFloor.statuses.get(201) ?? 0, ...ratio(httpFloorFigures.rps) },
  ]);
  console.log(
    `GET /api/polls/:id/results during the surge (${RESULT_READERS} readers): ${sortedReads.length} requests, ` +
      `p50 ${Math.round(percentile(sortedReads, 50) * 10) / 10} ms, p99 ${Math.round(percentile(sortedReads, 99) * 10) / 10} ms, ${readErrors} errors`,
  );
  const tallied = results.questions[0].options.reduce((sum, o) => sum + o.votes, 0);
  console.log(`HTTP statuses: ${JSON.stringify(Object.fromEntries(statuses))}; ballots cast ${results.turnout.ballotsCast}, tallied ${tallied}`);
  if (statuses.get(201) !== VOTERS || results.turnout.ballotsCast !== VOTERS || tallied !== VOTERS || floorRun.counted !== VOTERS || groupedRun.counted !== VOTERS || httpFloor.statuses.get(201) !== VOTERS) {
    throw new Error(`Expected exactly ${VOTERS} ballots counted`);
  }
}
