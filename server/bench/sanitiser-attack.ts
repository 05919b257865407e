import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { api, loginPersona } from './api-client.js';
import { percentile } from './percentiles.js';
import type { BenchServer } from './server-process.js';

const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 5);
/** Just under the schema's 200,000 characters and the sanitiser's length-first cut (3 × 65,000 bytes). */
const SIZE = 190_000;
const fill = (unit: string) => unit.repeat(Math.floor(SIZE / unit.length));

/**
 * The worst rich-text bodies we could build, each as large as is let through to the parser: the deepest nesting
 * still allowed (32 levels) over and over, nesting far past it, tens of thousands of attributes, entity runs,
 * thousands of images naming different uploads (each a key to look up), unclosed links.
 */
const WORST: Record<string, () => string> = {
  'nesting at the limit, repeated': () => fill(`${'<b>'.repeat(32)}x${'</b>'.repeat(32)}`),
  'nesting 63,000 deep': () => '<b>'.repeat(63_000),
  'lists 23,000 deep': () => '<ul><li>'.repeat(23_000),
  'attributes, 17,000 on one tag': () => `<p ${Array.from({ length: 17_000 }, (_, i) => `a${i}="1"`).join(' ')}>x</p>`,
  'entity runs': () => fill('&amp;&#x41;&lt;'),
  'images, all different uploads': () => Array.from({ length: 3_000 }, () => `<img src="/uploads/${randomBytes(16).toString('hex')}/body.jpg">`).join(''),
  'unclosed links': () => fill('<a href="https://x.example/">'),
};

/**
 * ATTACKERS staff clients post the worst bodies as articles, back to back, while one client reads /api/health
 * every 10 ms: the sanitiser runs on worker threads and refuses what is too long or too deep cheaply, so the
 * health check (and everyone else) should not wait for it. Target: health p99 < 100 ms.
 */
export async function sanitiserAttack(server: BenchServer, label: string, seconds: number) {
  const committee = await loginPersona(server.baseUrl, 'committee');
  const communityId = (await api<{ items: { id: number }[] }>(server.baseUrl, 'GET', '/communities')).items[0].id;
  const bodies = Object.entries(WORST).map(([name, make]) => ({ name, json: JSON.stringify({ communityId, kind: 'notice', title: '攻击', summary: '', body: make() }) }));
  const answers = new Map<string, Map<string, number>>();
  const attackLatencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;

  const attacker = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      const { name, json } = bodies[i % bodies.length];
      const t0 = performance.now();
      const response = await fetch(`${server.baseUrl}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${committee}` },
        body: json,
      });
      const answer = response.ok ? String(response.status) : `${response.status} ${((await response.json()) as { code: string }).code}`;
      if (response.ok) await response.arrayBuffer();
      attackLatencies.push(performance.now() - t0);
      const byAnswer = answers.get(name) ?? new Map<string, number>();
      byAnswer.set(answer, (byAnswer.get(answer) ?? 0) + 1);
      answers.set(name, byAnswer);
    }
  };
  // The prober runs on its own thread: the attackers' uploads in this process must not delay its own timing.
  const prober = new Worker(PROBER, { eval: true, workerData: { url: `${server.baseUrl}/api/health`, until: Date.now() + seconds * 1000 } });
  const probed = new Promise<number[]>((resolve, reject) => {
    prober.once('message', resolve);
    prober.once('error', reject);
  });
  await Promise.all(Array.from({ length: ATTACKERS }, (_, k) => attacker(k)));
  const health = await probed;

  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const h = sorted(health);
  const a = sorted(attackLatencies);
  console.log(`\nSanitiser attack, ${label}: ${ATTACKERS} clients posting the worst bodies (~190 KB) for ${seconds} s (target: health p99 < 100 ms)`);
  console.table([
    { scenario: 'GET /api/health during the attack', requests: h.length, 'p50 ms': round(percentile(h, 50)), 'p99 ms': round(percentile(h, 99)), 'max ms': round(h.at(-1) ?? 0) },
    { scenario: 'POST /api/articles (worst bodies)', requests: a.length, 'p50 ms': round(percentile(a, 50)), 'p99 ms': round(percentile(a, 99)), 'max ms': round(a.at(-1) ?? 0) },
  ]);
  console.table([...answers].map(([body, byAnswer]) => ({ body, answers: [...byAnswer].map(([answer, n]) => `${answer} ×${n}`).join(', ') })));
}

/** GET /api/health every 10 ms until the deadline; posts back every latency. */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const latencies = [];
  while (Date.now() < workerData.until) {
    const t0 = performance.now();
    const response = await fetch(workerData.url);
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  parentPort.postMessage(latencies);
})();
`;

const round = (ms: number) => Math.round(ms * 10) / 10;
