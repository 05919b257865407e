import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildPath, type AnyRoute, type ApiError, type Persona, type RouteRequest, type RouteResponse } from '@linli/shared';
import { ApiErrorSchema, routes } from '@linli/shared';
import { loadConfig, RATE_LIMIT_CLASSES, type AppConfig, type RateLimits } from '../../src/config/config.js';
import { createApp } from '../../src/create-app.js';
import { Database } from '../../src/database/database.js';
import { TestClock } from './test-clock.js';
import { freePort } from './free-port.js';
import { createTestDatabase } from './test-database.js';

export type Reply<R extends AnyRoute> = (
  | { status: 200 | 201; body: RouteResponse<R>; error?: never }
  | { status: number; body: ApiError; error: ApiError }
) & { headers: Headers };

export interface TestApp {
  app: NestFastifyApplication;
  /** http://127.0.0.1:port of the running server. */
  base: string;
  db: Database;
  /** The server's clock: move it to pass sign-up windows, deadlines and starts. */
  clock: TestClock;
  /** Calls a route from the shared table; a success body is checked against the route's response schema. */
  call<R extends AnyRoute>(route: R, request?: RouteRequest<R>, token?: string, headers?: Record<string, string>): Promise<Reply<R>>;
  /** Logs in as a seeded persona (or a fresh user by openid) and returns the token. */
  login(who: Persona | { openid: string; nickname: string }): Promise<string>;
  close(): Promise<void>;
}

export const noRateLimits = Object.fromEntries(RATE_LIMIT_CLASSES.map((c) => [c, { user: null, ip: null }])) as RateLimits;

/** A whole server on a fresh database (SQLite file, or MySQL with TEST_DATABASE=mysql), seeded with the demo street. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  // A test that brings its own database (a private MariaDB it kills, a SQLite file it locks) keeps and drops it itself.
  const database = overrides.database ? { config: overrides.database, drop: async () => undefined } : await createTestDatabase();
  // Each app stores uploads in its own temporary directory unless the test brings its own storage.
  const ownUploadDir = overrides.uploads ? null : mkdtempSync(join(tmpdir(), 'linli-uploads-'));
  // The port is chosen first so that PUBLIC_URL (where upload addresses point) is this very server.
  const port = await freePort();
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }),
    database: database.config,
    seedDemo: true,
    h5Dir: '/nonexistent',
    // Tests run the activity sweeper themselves (runOnce) after moving the clock.
    sweepIntervalSeconds: 0,
    // Tests read a poll's results right after voting; the one-second cache is tested on its own.
    resultsCacheMs: 0,
    // Tests log in and write from one address all day; the limits are tested on their own (rate-limits.spec.ts).
    rateLimits: noRateLimits,
    ...(ownUploadDir && { uploads: { dir: ownUploadDir, s3: null } }),
    publicUrl: `http://127.0.0.1:${port}`,
    ...overrides,
  };
  const clock = new TestClock();
  const app = await createApp(config, { clock });
  // Real HTTP on loopback, as clients meet it (fastify's inject skips the socket and needs ESM-only deps).
  await app.listen({ port, host: '127.0.0.1' });
  const base = await app.getUrl();

  async function call<R extends AnyRoute>(route: R, request?: RouteRequest<R>, token?: string, headers?: Record<string, string>): Promise<Reply<R>> {
    const req = (request ?? {}) as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) query.set(k, String(v));
    const qs = query.toString();
    const response = await fetch(`${base}/api${buildPath(route.path, req.params)}${qs ? `?${qs}` : ''}`, {
      method: route.method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(req.body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(req.body !== undefined && { body: JSON.stringify(req.body) }),
    });
    const body = await response.json();
    if (response.status < 300) {
      return { status: response.status as 200, body: route.response.parse(body) as RouteResponse<R>, headers: response.headers };
    }
    const error = ApiErrorSchema.parse(body);
    return { status: response.status, body: error, error, headers: response.headers };
  }

  async function login(who: Persona | { openid: string; nickname: string }): Promise<string> {
    const reply = await call(routes.devLogin, { body: typeof who === 'string' ? { persona: who } : who });
    if (reply.error) throw new Error(`login failed: ${reply.error.code}`);
    return reply.body.token;
  }

  return {
    app,
    base,
    db: app.get(Database),
    clock,
    call,
    login,
    close: async () => {
      await app.close();
      await database.drop();
      if (ownUploadDir) rmSync(ownUploadDir, { recursive: true, force: true });
    },
  };
}

