import autocannon from 'autocannon';
import { createConnection } from 'mysql2/promise';
import { api, createResidents, loginPersona, publishedActivity } from './api-client.js';
import { load, printTable, summarise, type LoadResult } from './load.js';
import type { BenchServer } from './server-process.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 1000);
const READERS = Number(process.env.BENCH_READERS ?? 500);
/** The articles everyone opens at once (just shared into the group chats). */
const HOT_ARTICLES = 10;
const CONNECTIONS = 200;
const KINDS = ['preview', 'review', 'notice', 'policy'];

/**
 * 首页 and the article page at concurrency 200 on MySQL, with 10,000 articles and 1,000 activities in the
 * community, against /api/health in the same run. Article reads rotate over READERS residents and the HOT_ARTICLES
 * newest articles, so the first read of each pair really inserts its read row (then the count follows).
 */
export async function feedBench(server: BenchServer, mysqlUrl: string, seconds: number) {
  const committee = await loginPersona(server.baseUrl, 'committee');
  const me = await api<{ id: number }>(server.baseUrl, 'GET', '/me', undefined, committee);
  // The demo's first community, where the committee persona works and the resident persona lives.
  const communityId = (await api<{ items: { id: number }[] }>(server.baseUrl, 'GET', '/communities')).items[0].id;

  const existing = await api<{ total: number }>(server.baseUrl, 'GET', `/activities?range=all&manage=true&communityId=${communityId}`, undefined, committee);
  let next = existing.total;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next++ < ACTIVITIES) await publishedActivity(server.baseUrl, committee, 30, true);
    }),
  );

  // A few through the API, so the stored bodies are what the sanitiser makes of a real article…
  const body =
    '<h2>活动回顾</h2><p>本周六上午，社区组织了<strong>重阳节包饺子</strong>活动，共有 86 位居民参加。</p>' +
    '<ul><li>包饺子比赛</li><li>免费量血压</li><li>智能手机答疑</li></ul><p>感谢巾帼志愿服务队的 12 位志愿者！</p>'.repeat(3);
  const template = await api<{ id: number; body: string }>(
    server.baseUrl,
    'POST',
    '/articles',
    { communityId, kind: 'review', title: '重阳节包饺子活动回顾', summary: '86 位居民参加，12 位志愿者服务', body },
    committee,
  );
  await api(server.baseUrl, 'POST', `/articles/${template.id}/publish`, {}, committee);
  // …and the rest straight into MySQL with the same sanitised body: creating 10,000 articles through the API
  // would take longer than the benchmark itself. Every measured request below goes through the API.
  const conn = await createConnection(mysqlUrl);
  try {
    const now = Date.now();
    const batch = 1000;
    for (let start = 1; start < ARTICLES; start += batch) {
      const rows = Array.from({ length: Math.min(batch, ARTICLES - start) }, (_, k) => {
        const i = start + k;
        const publishedAt = new Date(now - i * 3600_000);
        return [communityId, me.id, KINDS[i % 4], `社区文章第${i}篇`, `第${i}篇的摘要`, template.body, i % 500 === 0 ? 1 : 0, 'published', publishedAt, publishedAt];
      });
      await conn.query(
        'INSERT INTO `article` (`communityId`, `createdBy`, `kind`, `title`, `summary`, `body`, `pinned`, `status`, `publishedAt`, `createdAt`) VALUES ?',
        [rows],
      );
    }
  } finally {
    await conn.end();
  }

  const resident = await loginPersona(server.baseUrl, 'resident');
  const feed = await api<{ articles: { total: number; items: { id: number }[] }; activities: unknown[]; pinned: unknown[] }>(
    server.baseUrl,
    'GET',
    `/feed?pageSize=${HOT_ARTICLES}`,
    undefined,
    resident,
  );
  const hot = feed.articles.items.map((a) => a.id);
  const readers = [resident, ...(await createResidents(server.baseUrl, READERS - 1, `reader-${Date.now()}`)).map((r) => r.token)];

  const run = (name: string, path: string, headers?: Record<string, string>) =>
    load(name, { url: `${server.baseUrl}${path}`, connections: CONNECTIONS, seconds, headers });
  await run('warm-up', '/api/health');
  const health = await run('GET /api/health', '/api/health');
  // The page the app asks for (首页 loads 10 articles at a time), with every section.
  const feedResult = await run('GET /api/feed (page 1: pinned, activities, polls, 10 articles)', '/api/feed?pageSize=10', { authorization: `Bearer ${resident}` });
  const readResult = await rotatingReads(`GET /api/articles/:id (${readers.length} readers × ${hot.length} articles)`, server.baseUrl, readers, hot, seconds);
  const ratio = (r: LoadResult) => ({ ...r, ratio: (r.rps / health.rps).toFixed(2) });
  printTable(
    `Feed and articles, MySQL: ${feed.articles.total} live articles (+ ${feed.pinned.length} pinned shown), ${Math.max(ACTIVITIES, existing.total)} activities, ` +
      `${CONNECTIONS} connections, ${seconds} s each (target: ≥ 0.5 of health, p99 < 50 ms)`,
    [health, ratio(feedResult), ratio(readResult)],
  );
}

/** Like `load`, but each request picks the next reader and article, round robin. */
async function rotatingReads(name: string, baseUrl: string, tokens: string[], ids: number[], seconds: number): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const i = n++;
          return {
            ...request,
            method: 'GET',
            path: `/api/articles/${ids[i % ids.length]}`,
            headers: { ...request.headers, authorization: `Bearer ${tokens[Math.floor(i / ids.length) % tokens.length]}` },
          };
        },
      },
    ],
  });
  return summarise(name, result);
}
