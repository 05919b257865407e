import { QueryFailedError } from 'typeorm';

/**
 * Network-level failures: the database process is gone, unreachable or not answering. mysql2 marks these
 * `fatal` (the connection is dead), which keeps a timeout from some other client (WeChat, S3) from being read
 * as a database outage. PROTOCOL_SEQUENCE_TIMEOUT is also what our own query timeout raises (database-timeouts.ts).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
]);

/** Our pool guard's refusal after waiting DB_ACQUIRE_TIMEOUT_MS for a free connection. */
export const POOL_ACQUIRE_TIMEOUT = 'POOL_ACQUIRE_TIMEOUT';

/** mysql2's own errors that carry no code: the pool or connection was closed under us, or its queue is full. */
const MYSQL2_MESSAGES = [
  'Pool is closed.',
  "Can't add new command when connection is in closed state",
  'Queue limit reached.',
  'No connections available.',
];

/**
 * Server answers meaning "not now": too many connections, shutting down, and a lock wait that outlasted
 * innodb_lock_wait_timeout even after Database's retries (the row is held by a stuck transaction).
 */
const MYSQL_ERRNOS = new Set([1040 /* ER_CON_COUNT_ERROR */, 1053 /* ER_SERVER_SHUTDOWN */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);

/** SQLite: another writer held the file past busy_timeout. */
const SQLITE_BUSY = /^SQLITE_(BUSY|LOCKED)/;

/**
 * Whether `error` means the database could not be reached or did not answer in time, wherever it surfaced:
 * bare from mysql2 (Database.plainTransaction, BallotWriter, the pool), wrapped in TypeORM's QueryFailedError,
 * or from better-sqlite3. Such a request answers 503 DATABASE_UNAVAILABLE, never 500.
 */
export function isDatabaseOutage(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Follow TypeORM's driverError and `cause` a few steps: a transaction that failed in ROLLBACK after a lost
  // connection may wrap one failure in another.
  while (current && typeof current === 'object' && !seen.has(current) && seen.size < 5) {
    seen.add(current);
    if (outageItself(current as DriverError)) return true;
    current = current instanceof QueryFailedError ? (current.driverError as unknown) : (current as { cause?: unknown }).cause;
  }
  return false;
}

interface DriverError {
  code?: unknown;
  errno?: unknown;
  fatal?: unknown;
  message?: unknown;
  name?: unknown;
}

function outageItself(e: DriverError): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === POOL_ACQUIRE_TIMEOUT) return true;
  if (e.fatal === true && NETWORK_CODES.has(code)) return true;
  if (e.name === 'SqliteError' && SQLITE_BUSY.test(code)) return true;
  if (typeof e.errno === 'number' && MYSQL_ERRNOS.has(e.errno) && code.startsWith('ER_')) return true;
  return typeof e.message === 'string' && MYSQL2_MESSAGES.includes(e.message);
}
