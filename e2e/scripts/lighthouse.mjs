// Lighthouse (mobile preset: emulated phone, simulated slow 4G and CPU) on the login page, home and an activity
// page of the built app, in Debian's Chromium. Run `pnpm build` first, then `pnpm --filter @linli/e2e lighthouse`.
// LIGHTHOUSE_RUNS=3 measures each page three times and reports the median run (by score); LIGHTHOUSE_REPORTS=<dir>
// keeps every run's full JSON report there (bootup time per script, long tasks, the treemap).
/* global URL, process, fetch, setTimeout, console */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const serverEntry = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(dir) {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'lighthouse-secret-lighthouse-secret-1234',
    DEV_LOGIN: 'true',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SQLITE_PATH: join(dir, 'lighthouse.sqlite'),
    UPLOAD_DIR: join(dir, 'uploads'),
  };
  // The embedded database: the figures are about the page, not the database.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [serverEntry], { stdio: 'ignore', env });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, stop: () => child.kill() };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('server did not start');
}

async function firstActivityId(baseUrl) {
  const login = await (await fetch(`${baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"resident"}' })).json();
  const page = await (await fetch(`${baseUrl}/api/activities?range=all`, { headers: { authorization: `Bearer ${login.token}` } })).json();
  return page.items[0].id;
}

const dir = mkdtempSync(join(tmpdir(), 'linli-lighthouse-'));
const server = await startServer(dir);
const port = await freePort();
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--remote-debugging-port=${port}`],
});
try {
  const activityId = await firstActivityId(server.baseUrl);
  const pages = {
    login: `${server.baseUrl}/#/pages/login/index`,
    home: `${server.baseUrl}/#/pages/home/index`,
    activity: `${server.baseUrl}/#/packages/activity/detail/index?id=${activityId}`,
  };
  // The login page is measured logged out; the others after logging in as a resident (the token stays in localStorage).
  const scores = {};
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
  const reports = process.env.LIGHTHOUSE_REPORTS;
  if (reports) mkdirSync(reports, { recursive: true });
  const measure = async (name) => {
    const results = [];
    for (let run = 1; run <= runs; run++) {
      const result = await lighthouse(pages[name], { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true });
      if (reports) writeFileSync(join(reports, `${name}-${run}.json`), result.report);
      const audits = result.lhr.audits;
      results.push({
        performance: Math.round(result.lhr.categories.performance.score * 100),
        FCP: audits['first-contentful-paint'].displayValue,
        LCP: audits['largest-contentful-paint'].displayValue,
        TBT: audits['total-blocking-time'].displayValue,
        CLS: audits['cumulative-layout-shift'].displayValue,
      });
    }
    results.sort((a, b) => a.performance - b.performance);
    scores[name] = { ...results[Math.floor(results.length / 2)], ...(runs > 1 && { runs: results.map((r) => r.performance).join(' / ') }) };
  };
  await measure('login');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pages.login);
  await page.locator('#persona-resident').click();
  await page.waitForURL(/pages\/home/);
  await measure('home');
  await measure('activity');
  // eslint-disable-next-line no-console -- the report is the point of this script
  console.table(scores);
} finally {
  await context.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
