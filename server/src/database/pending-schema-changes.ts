import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * The SQL TypeORM would run to make the database match the entities, after applying the migrations.
 * Empty means migrations and entities agree (a test asserts this on MySQL).
 */
export async function pendingSchemaChanges(db: DatabaseConfig, runMigrations = true) {
  const dataSource = new DataSource(await dataSourceOptions(db));
  await dataSource.initialize();
  try {
    if (runMigrations) await dataSource.runMigrations({ transaction: 'each' });
    return await dataSource.driver.createSchemaBuilder().log();
  } finally {
    await dataSource.destroy();
  }
}
