import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../main.js', import.meta.url));

/** The bench servers' token secret: the bare HTTP floor verifies the same tokens. */
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret';

export interface BenchServer {
  baseUrl: string;
  /** The embedded database file (SQLite servers only), for benches that fill tables directly. */
  sqlitePath: string | null;
  stop(): Promise<void>;
}

/** The built server in its own process, as in production, on a fresh database seeded with the demo street. */
export async function startBenchServer(port: number, database: { kind: 'sqlite' } | { kind: 'mysql'; url: string }): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: BENCH_JWT_SECRET,
    DEV_LOGIN: 'true',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SQLITE_PATH: join(dir, 'bench.sqlite'),
    UPLOAD_DIR: join(dir, 'uploads'),
    // Thousands of residents from one load generator share its one address; per-user limits stay on.
    RATE_LIMIT_LOGIN_PER_IP: '0',
    RATE_LIMIT_ACCOUNT_PER_IP: '0',
    RATE_LIMIT_CLAIM_PER_IP: '0',
    RATE_LIMIT_UPLOAD_PER_IP: '0',
    RATE_LIMIT_CONTENT_PER_IP: '0',
    RATE_LIMIT_WRITE_PER_IP: '0',
  };
  delete env.DATABASE_URL;
  if (database.kind === 'mysql') env.DATABASE_URL = database.url;
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), entry], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`bench server exited:\n${stderr}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // starting
    }
    if (i > 300) throw new Error(`bench server not healthy:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    sqlitePath: database.kind === 'sqlite' ? env.SQLITE_PATH! : null,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
