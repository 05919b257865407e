import { POOL_ACQUIRE_TIMEOUT } from '../common/database-outage.js';

/** How long a request may wait on the database, each in milliseconds (DB_*_TIMEOUT_MS). */
export interface DatabaseTimeouts {
  /** Opening a new connection (TCP and handshake). */
  connectMs: number;
  /** Waiting for a free pooled connection. */
  acquireMs: number;
  /** One statement, from being sent to its answer; on SQLite, waiting for another writer's lock. */
  queryMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 10_000, acquireMs: 10_000, queryMs: 10_000 };

/** What we touch of mysql2's callback pool and its connections (its types describe the promise API only). */
interface Mysql2Command {
  once(event: 'end', listener: () => void): void;
}
interface Mysql2Connection {
  addCommand(command: Mysql2Command): Mysql2Command;
  release(): void;
  stream: { destroy(error?: Error): void };
  _removeFromPool?: () => void;
}
interface Mysql2Pool {
  getConnection(callback: (error: Error | null, connection?: Mysql2Connection) => void): void;
}

const guarded = new WeakSet<object>();

/**
 * Bounds every wait on mysql2's pool. mysql2 has no acquire timeout, and its per-query `timeout` only stops
 * waiting: the statement stays queued on the connection and may still run (a COMMIT included) when a frozen
 * server wakes, on a connection handed to the next request. So here a statement that outlives `queryMs` kills
 * its connection: it leaves the pool, every statement queued on it fails with PROTOCOL_SEQUENCE_TIMEOUT, and
 * the server rolls back the open transaction as soon as it notices the socket is gone. A request therefore
 * answers 503 within about `acquireMs + queryMs` of a statement it was waiting for, and nothing it had not
 * yet sent can commit after that answer. What stays ambiguous is a COMMIT already sent (README, "Outages").
 */
export function guardMysqlPool(pool: Mysql2Pool, timeouts: DatabaseTimeouts): void {
  if (guarded.has(pool)) return;
  guarded.add(pool);
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      callback(Object.assign(new Error(`No database connection within ${timeouts.acquireMs} ms`), { code: POOL_ACQUIRE_TIMEOUT }));
    }, timeouts.acquireMs);
    timer.unref();
    getConnection((error, connection) => {
      if (settled) {
        // The caller has gone: hand a late connection straight back.
        connection?.release();
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (connection) guardConnection(connection, timeouts.queryMs);
      callback(error, connection);
    });
  };
}

function guardConnection(connection: Mysql2Connection, queryMs: number): void {
  if (guarded.has(connection)) return;
  guarded.add(connection);
  const addCommand = connection.addCommand.bind(connection);
  connection.addCommand = (command) => {
    // Counted from when it is queued: a statement behind a stuck one is stuck too.
    const timer = setTimeout(() => {
      connection._removeFromPool?.();
      const error = Object.assign(new Error(`Database statement took longer than ${queryMs} ms`), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' });
      connection.stream.destroy(error);
    }, queryMs);
    timer.unref();
    command.once('end', () => clearTimeout(timer));
    return addCommand(command);
  };
}
