import { mkdirSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config.js';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from './database-timeouts.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/**
 * MySQL: schema only through migrations. SQLite (the embedded demo and the default test database): the schema
 * is synchronised from the entities, because the file is disposable and has no production data to migrate.
 */
export async function dataSourceOptions(db: DatabaseConfig, timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS): Promise<DataSourceOptions> {
  if (db.kind === 'mysql') {
    return {
      type: await mysqlFlavour(db.url, timeouts.connectMs),
      url: db.url,
      entities,
      migrations,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // Room for a sign-up rush without starving the pool; MySQL's default max_connections is 151.
      // trace: false stops mysql2 capturing a stack trace for every query (7 % of the CPU in a vote surge);
      // a failed query still reports its SQL and error through TypeORM's QueryFailedError.
      // connectTimeout bounds opening a connection; acquiring one and each statement are bounded by
      // guardMysqlPool (Database), since mysql2 has no acquire timeout and its query timeout leaves the statement running.
      extra: { connectionLimit: 30, trace: false, connectTimeout: timeouts.connectMs },
      synchronize: false,
      migrationsRun: false,
    };
  }
  if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: db.path,
    entities,
    synchronize: false,
    // WAL keeps readers from blocking on the single writer; foreign keys are off by default in SQLite.
    prepareDatabase: (conn: { pragma(sql: string): unknown }) => {
      conn.pragma('journal_mode = WAL');
      conn.pragma('foreign_keys = ON');
      // Past this wait for another writer's lock, SQLITE_BUSY answers 503 DATABASE_UNAVAILABLE.
      conn.pragma(`busy_timeout = ${Math.round(timeouts.queryMs)}`);
    },
  };
}

/**
 * MySQL 8 in production, MariaDB on developer machines: both speak the mysql:// protocol, but TypeORM reads
 * their schemas differently (MariaDB reports a NULL default as the string 'NULL'), so ask the server which it is.
 */
async function mysqlFlavour(url: string, connectTimeout: number): Promise<'mysql' | 'mariadb'> {
  const conn = await createConnection({ uri: url, connectTimeout });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as { version: string }[])[0].version) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}
