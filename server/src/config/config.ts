import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { SubscribeTemplateKeySchema, type SubscribeTemplateKey } from '@linli/shared';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../database/database-timeouts.js';

const Bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** The parts of a notice a subscribe-message field can carry: its subject (activity or consultation), title, text, time. */
export const MESSAGE_PARTS = ['subject', 'title', 'body', 'at'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];

/** Which template keyword carries which part, e.g. [{ keyword: 'thing1', part: 'subject' }, …]. */
export type TemplateFields = readonly { keyword: string; part: MessagePart }[];

/** The layout every template has unless its `WECHAT_TEMPLATE_<KEY>_FIELDS` says otherwise. */
export const DEFAULT_TEMPLATE_FIELDS = 'thing1:subject,thing2:title,thing3:body,time4:at';

/** WeChat's keyword types (thing1 is a `thing`); time and date fields take only the time, and only they take it. */
const KEYWORD = /^(thing|phrase|name|time|date|character_string|number|letter|symbol|amount|car_number|phone_number)([1-9]\d*)$/;

/** `keyword:part,keyword:part…`, e.g. `thing1:subject,thing2:title,thing5:body,time3:at`. */
export const TemplateFieldsSchema = z.string().transform((value, ctx): TemplateFields => {
  const fields: { keyword: string; part: MessagePart }[] = [];
  const problems: string[] = [];
  for (const item of value.split(',').map((i) => i.trim())) {
    const [keyword, part, ...extra] = item.split(':').map((p) => p.trim());
    const type = KEYWORD.exec(keyword)?.[1];
    const problem = !type
      ? `"${item}": the keyword must be a WeChat field such as thing1, time4 or character_string2`
      : extra.length > 0 || !(MESSAGE_PARTS as readonly string[]).includes(part)
        ? `"${item}": write keyword:part with part one of ${MESSAGE_PARTS.join(', ')}`
        : (part === 'at') !== (type === 'time' || type === 'date')
          ? `"${item}": the time goes into a time or date field, and only the time does`
          : fields.some((f) => f.keyword === keyword)
            ? `"${item}": ${keyword} is listed twice`
            : null;
    if (problem) problems.push(problem);
    else fields.push({ keyword, part: part as MessagePart });
  }
  for (const message of problems) ctx.addIssue({ code: 'custom', message });
  return fields;
});

type TemplateFieldsVar = `WECHAT_TEMPLATE_${Uppercase<SubscribeTemplateKey>}_FIELDS`;
const templateFieldsVar = (key: SubscribeTemplateKey) => `WECHAT_TEMPLATE_${key.toUpperCase()}_FIELDS` as TemplateFieldsVar;
const templateFieldsEnv = Object.fromEntries(
  SubscribeTemplateKeySchema.options.map((key) => [templateFieldsVar(key), TemplateFieldsSchema.optional()]),
) as Record<TemplateFieldsVar, z.ZodOptional<typeof TemplateFieldsSchema>>;

/** What each kind of request may do before it is refused with 429 RATE_LIMITED (see rate-limit/). */
export const RATE_LIMIT_CLASSES = ['login', 'account', 'claim', 'upload', 'content', 'write'] as const;
export type RateLimitClass = (typeof RATE_LIMIT_CLASSES)[number];
/** `count` requests per `seconds`, counted for one user or one address. */
export interface RateLimit {
  count: number;
  seconds: number;
}
export type RateLimits = Record<RateLimitClass, { user: RateLimit | null; ip: RateLimit | null }>;

/** `count/seconds`, e.g. `30/60`; `0` turns that limit off. */
const RateLimitSchema = z
  .string()
  .regex(/^(0|[1-9]\d*\/[1-9]\d*)$/, 'write count/seconds, e.g. 30/60, or 0 for no limit')
  .transform((v): RateLimit | null => (v === '0' ? null : { count: Number(v.split('/')[0]), seconds: Number(v.split('/')[1]) }));

/** The defaults the README's "Security and limits" section explains. */
export const DEFAULT_RATE_LIMITS: Record<`${Uppercase<RateLimitClass>}_PER_${'USER' | 'IP'}`, string> = {
  LOGIN_PER_USER: '0',
  LOGIN_PER_IP: '30/60',
  ACCOUNT_PER_USER: '0',
  ACCOUNT_PER_IP: '20/600',
  CLAIM_PER_USER: '5/3600',
  CLAIM_PER_IP: '30/3600',
  UPLOAD_PER_USER: '30/600',
  UPLOAD_PER_IP: '100/600',
  CONTENT_PER_USER: '20/600',
  CONTENT_PER_IP: '100/600',
  WRITE_PER_USER: '60/60',
  WRITE_PER_IP: '600/60',
};
type RateLimitVar = `RATE_LIMIT_${keyof typeof DEFAULT_RATE_LIMITS}`;
const rateLimitEnv = Object.fromEntries(
  Object.entries(DEFAULT_RATE_LIMITS).map(([name, fallback]) => [`RATE_LIMIT_${name}`, RateLimitSchema.default(RateLimitSchema.parse(fallback) as never)]),
) as unknown as Record<RateLimitVar, z.ZodDefault<typeof RateLimitSchema>>;

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
  /** How long a desk stays logged in after a phone confirmed its QR (shorter than a phone's session). */
  DESK_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  DEV_LOGIN: Bool,
  SEED_DEMO: Bool,
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_API_BASE_URL: z.url().default('https://api.weixin.qq.com'),
  /** Shared state for several server instances (WeChat access token; job queue). Unset: in memory. */
  REDIS_URL: z.url().optional(),
  WECHAT_TEMPLATE_SIGNUP_RESULT: z.string().min(1).optional(),
  WECHAT_TEMPLATE_WAITLIST_OFFER: z.string().min(1).optional(),
  WECHAT_TEMPLATE_ACTIVITY_REMINDER: z.string().min(1).optional(),
  WECHAT_TEMPLATE_ACTIVITY_CHANGED: z.string().min(1).optional(),
  WECHAT_TEMPLATE_CONSULTATION_OPENED: z.string().min(1).optional(),
  WECHAT_TEMPLATE_CONSULTATION_RESULT: z.string().min(1).optional(),
  WECHAT_TEMPLATE_SERVICE_REQUEST: z.string().min(1).optional(),
  ...templateFieldsEnv,
  H5_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  REMINDER_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(24),
  /** A service request still waiting for the community after this many hours is flagged overdue. */
  SERVICE_REQUEST_RESPONSE_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(24),
  UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: Bool,
  S3_PUBLIC_URL: z.url().optional(),
  /** The address residents reach this server at: our own upload addresses start with it (never with a request's Host). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Proxies whose X-Forwarded-* headers are believed: addresses or CIDRs, comma-separated. Unset: none. */
  TRUST_PROXY: z
    .string()
    .transform((value, ctx) => {
      const items = value.split(',').map((i) => i.trim()).filter(Boolean);
      for (const item of items.filter((i) => !isProxyAddress(i))) {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not an IP address or CIDR (e.g. 10.0.0.1 or 10.0.0.0/8)` });
      }
      return items;
    })
    .optional(),
  LIST_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  RESULTS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_DATABASE_TIMEOUTS.connectMs),
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_DATABASE_TIMEOUTS.acquireMs),
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_DATABASE_TIMEOUTS.queryMs),
  API_DOCS: Bool,
  ...rateLimitEnv,
});

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mysql'; url: string };

/** S3-compatible object storage for uploaded images (Tencent COS, MinIO, AWS S3). */
export interface S3Config {
  bucket: string;
  region: string;
  /** null: AWS's own endpoint for the region. */
  endpoint: string | null;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Where browsers fetch the objects (a CDN, or the bucket's own address), without a trailing slash. */
  publicUrl: string;
}

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
  /** Lifetime of a desk session (DESK_SESSION_HOURS). */
  deskSessionHours: number;
  devLogin: boolean;
  wechat: { appId: string; secret: string; baseUrl: string } | null;
  redisUrl: string | null;
  /** Subscribe-message template ids by key; a key without one is never asked for nor sent. */
  subscribeTemplates: Partial<Record<SubscribeTemplateKey, string>>;
  /** Each template's keyword layout (WECHAT_TEMPLATE_<KEY>_FIELDS, else DEFAULT_TEMPLATE_FIELDS). */
  subscribeTemplateFields: Record<SubscribeTemplateKey, TemplateFields>;
  h5Dir: string | null;
  logLevel: string;
  bodyLimitBytes: number;
  /** How often the activity sweeper expires offers, marks no-shows and sends reminders; 0 turns it off. */
  sweepIntervalSeconds: number;
  /** How long before an activity starts its reminder goes out. */
  reminderHours: number;
  serviceRequestResponseHours: number;
  /** Uploaded images: on local disk under `dir` (served at /uploads/), or in S3 when configured. */
  uploads: { dir: string; s3: S3Config | null };
  /** How long a resident's page of activities may be served from memory; 0 turns the cache off. */
  listCacheMs: number;
  /** This server's public address without a trailing slash (PUBLIC_URL): local uploads are addressed from it. */
  publicUrl: string;
  /** Proxies trusted for X-Forwarded-For/-Proto/-Host (addresses or CIDRs); empty: the socket's own peer and Host. */
  trustProxy: string[];
  /** How long a consultation's results may be served from memory while votes come in; 0 turns the cache off. */
  resultsCacheMs: number;
  /** Bounds on every wait for the database: past them the request answers 503 DATABASE_UNAVAILABLE. */
  databaseTimeouts: DatabaseTimeouts;
  /** Serve Swagger UI and the OpenAPI document at /api/docs (off in production unless API_DOCS=true). */
  apiDocs: boolean;
  /** Requests per user and per address for each kind of request; null: no limit. */
  rateLimits: RateLimits;
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
  if (production && !e.PUBLIC_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  PUBLIC_URL: required when NODE_ENV=production (the address residents reach this server at, e.g. https://linli.example.cn)',
    );
  }
  if (Boolean(e.WECHAT_APP_ID) !== Boolean(e.WECHAT_APP_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_APP_ID and WECHAT_APP_SECRET must be set together');
  }
  const s3 = s3Config(e);
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
    deskSessionHours: e.DESK_SESSION_HOURS,
    devLogin: e.DEV_LOGIN ?? !production,
    wechat:
      e.WECHAT_APP_ID && e.WECHAT_APP_SECRET
        ? { appId: e.WECHAT_APP_ID, secret: e.WECHAT_APP_SECRET, baseUrl: e.WECHAT_API_BASE_URL }
        : null,
    redisUrl: e.REDIS_URL ?? null,
    subscribeTemplates: subscribeTemplates(e),
    subscribeTemplateFields: subscribeTemplateFields(e),
    h5Dir: e.H5_DIR ?? null,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    reminderHours: e.REMINDER_HOURS,
    serviceRequestResponseHours: e.SERVICE_REQUEST_RESPONSE_HOURS,
    listCacheMs: e.LIST_CACHE_MS,
    resultsCacheMs: e.RESULTS_CACHE_MS,
    uploads: { dir: resolve(e.UPLOAD_DIR), s3 },
    // Development and tests: the server on this machine.
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY ?? [],
    databaseTimeouts: { connectMs: e.DB_CONNECT_TIMEOUT_MS, acquireMs: e.DB_ACQUIRE_TIMEOUT_MS, queryMs: e.DB_QUERY_TIMEOUT_MS },
    apiDocs: e.API_DOCS ?? !production,
    rateLimits: Object.fromEntries(
      RATE_LIMIT_CLASSES.map((c) => [c, { user: e[`RATE_LIMIT_${c.toUpperCase()}_PER_USER` as RateLimitVar], ip: e[`RATE_LIMIT_${c.toUpperCase()}_PER_IP` as RateLimitVar] }]),
    ) as RateLimits,
  };
}

function subscribeTemplates(e: z.infer<typeof EnvSchema>): Partial<Record<SubscribeTemplateKey, string>> {
  const byKey: Record<SubscribeTemplateKey, string | undefined> = {
    signup_result: e.WECHAT_TEMPLATE_SIGNUP_RESULT,
    waitlist_offer: e.WECHAT_TEMPLATE_WAITLIST_OFFER,
    activity_reminder: e.WECHAT_TEMPLATE_ACTIVITY_REMINDER,
    activity_changed: e.WECHAT_TEMPLATE_ACTIVITY_CHANGED,
    consultation_opened: e.WECHAT_TEMPLATE_CONSULTATION_OPENED,
    consultation_result: e.WECHAT_TEMPLATE_CONSULTATION_RESULT,
    service_request: e.WECHAT_TEMPLATE_SERVICE_REQUEST,
  };
  return Object.fromEntries(Object.entries(byKey).filter(([, id]) => id)) as Partial<Record<SubscribeTemplateKey, string>>;
}

function subscribeTemplateFields(e: z.infer<typeof EnvSchema>): Record<SubscribeTemplateKey, TemplateFields> {
  const fallback = TemplateFieldsSchema.parse(DEFAULT_TEMPLATE_FIELDS);
  return Object.fromEntries(SubscribeTemplateKeySchema.options.map((key) => [key, e[templateFieldsVar(key)] ?? fallback])) as Record<
    SubscribeTemplateKey,
    TemplateFields
  >;
}

/** S3 storage is all or nothing: any S3_* variable switches it on, and then the four essentials must be there. */
function s3Config(e: z.infer<typeof EnvSchema>): S3Config | null {
  const required = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  const any = [...required, 'S3_ENDPOINT', 'S3_PUBLIC_URL', 'S3_FORCE_PATH_STYLE'].some((k) => e[k as keyof typeof e] !== undefined);
  if (!any) return null;
  const missing = required.filter((k) => !e[k]);
  if (missing.length) {
    throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required when any S3_ variable is set`).join('\n')}`);
  }
  const bucket = e.S3_BUCKET!;
  const forcePathStyle = e.S3_FORCE_PATH_STYLE ?? false;
  const endpoint = e.S3_ENDPOINT?.replace(/\/+$/, '') ?? null;
  let publicUrl = `https://${bucket}.s3.${e.S3_REGION}.amazonaws.com`;
  if (endpoint) {
    const url = new URL(endpoint);
    publicUrl = forcePathStyle ? `${endpoint}/${bucket}` : `${url.protocol}//${bucket}.${url.host}`;
  }
  return {
    bucket,
    region: e.S3_REGION!,
    endpoint,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    forcePathStyle,
    publicUrl: e.S3_PUBLIC_URL?.replace(/\/+$/, '') ?? publicUrl,
  };
}

/** An IPv4/IPv6 address, optionally with a /prefix (what Fastify's trustProxy takes as a list). */
function isProxyAddress(item: string): boolean {
  const [address, prefix, ...rest] = item.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
