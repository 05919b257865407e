import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverEntry = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh MySQL database next to the one DATABASE_URL names, so every run starts from the seed. */
async function freshMysqlDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { createConnection } = await import('mysql2/promise');
  const name = `linli_e2e_${Date.now()}`;
  const admin = await createConnection(url);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: async () => {
      const conn = await createConnection(url);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

export interface RunningServer {
  baseUrl: string;
  databaseKind: 'sqlite' | 'mysql';
  stop(): Promise<void>;
}

/** Starts the built server (`pnpm build` first) as its own process, seeded with the demo street. */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const mysql = process.env.DATABASE_URL ? await freshMysqlDatabase(process.env.DATABASE_URL) : null;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    DEV_LOGIN: 'true',
    SQLITE_PATH: join(dir, 'e2e.sqlite'),
    UPLOAD_DIR: join(dir, 'uploads'),
    // Every journey's staff and residents log in from this one address; per-user limits stay as in production.
    RATE_LIMIT_LOGIN_PER_IP: '600/60',
    RATE_LIMIT_WRITE_PER_IP: '6000/60',
    ...(mysql ? { DATABASE_URL: mysql.url } : {}),
  };
  if (!mysql) delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [serverEntry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const health = await fetch(`${baseUrl}/api/health`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    databaseKind: mysql ? 'mysql' : 'sqlite',
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await mysql?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
