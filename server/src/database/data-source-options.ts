import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/**
 * MySQL: schema only through migrations. SQLite (the embedded demo and the default test database): the schema
 * is synchronised from the entities, because the file is disposable and has no production data to migrate.
 */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  if (db.kind === 'mysql') {
    return {
      type: 'mysql',
      url: db.url,
      entities,
      migrations,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // Room for a sign-up rush without starving the pool; MySQL's default max_connections is 151.
      extra: { connectionLimit: 30 },
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
      conn.pragma('busy_timeout = 5000');
    },
  };
}
