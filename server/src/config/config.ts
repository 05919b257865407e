import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const Bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** Every environment variable the server reads. The README's configuration table mirrors this. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\//, 'must start with mysql:// (leave it unset to use the embedded SQLite file)')
    .optional(),
  SQLITE_PATH: z.string().min(1).default('./data/linli.sqlite'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  DEV_LOGIN: Bool,
  SEED_DEMO: Bool,
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_API_BASE_URL: z.url().default('https://api.weixin.qq.com'),
  H5_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  REMINDER_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(24),
  LIST_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
});

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mysql'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Run migrations (MySQL) or synchronise the schema (SQLite) on start. */
  migrateOnStart: boolean;
  seedDemo: boolean;
  jwtSecret: string;
  tokenTtlDays: number;
  devLogin: boolean;
  wechat: { appId: string; secret: string; baseUrl: string } | null;
  h5Dir: string | null;
  logLevel: string;
  bodyLimitBytes: number;
  /** How often the activity sweeper expires offers, marks no-shows and sends reminders; 0 turns it off. */
  sweepIntervalSeconds: number;
  /** How long before an activity starts its reminder goes out. */
  reminderHours: number;
  /** How long a resident's page of activities may be served from memory; 0 turns the cache off. */
  listCacheMs: number;
}

export class ConfigError extends Error {}

/** Validates the environment once at start; a bad value stops the server with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production');
  }
  if (Boolean(e.WECHAT_APP_ID) !== Boolean(e.WECHAT_APP_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_APP_ID and WECHAT_APP_SECRET must be set together');
  }
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'mysql', url: e.DATABASE_URL }
    : { kind: 'sqlite', path: e.SQLITE_PATH };
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    migrateOnStart: true,
    // The embedded database is the demo: seed it unless told otherwise. MySQL is seeded only on request.
    seedDemo: e.SEED_DEMO ?? database.kind === 'sqlite',
    // Without a configured secret (dev/demo only) tokens are signed with a per-process key: restarting logs everyone out.
    jwtSecret: e.JWT_SECRET ?? randomBytes(32).toString('hex'),
    tokenTtlDays: e.TOKEN_TTL_DAYS,
    devLogin: e.DEV_LOGIN ?? !production,
    wechat:
      e.WECHAT_APP_ID && e.WECHAT_APP_SECRET
        ? { appId: e.WECHAT_APP_ID, secret: e.WECHAT_APP_SECRET, baseUrl: e.WECHAT_API_BASE_URL }
        : null,
    h5Dir: e.H5_DIR ?? null,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    reminderHours: e.REMINDER_HOURS,
    listCacheMs: e.LIST_CACHE_MS,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
