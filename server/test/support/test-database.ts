import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '../../src/config/config.js';

/** TEST_DATABASE=mysql runs the same suite on MySQL; the server URL comes from TEST_MYSQL_URL. */
export const testDatabaseKind = process.env.TEST_DATABASE === 'mysql' ? 'mysql' : 'sqlite';
const mysqlServerUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

let counter = 0;

/** A fresh, empty database for one test app; `drop` removes it. */
export async function createTestDatabase(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (testDatabaseKind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'linli-test-'));
    return { config: { kind: 'sqlite', path: join(dir, 'test.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `linli_t_${process.pid}_${Date.now() % 1e6}_${counter++}`;
  const admin = await createConnection(mysqlServerUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(mysqlServerUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'mysql', url: url.toString() },
    drop: async () => {
      const conn = await createConnection(mysqlServerUrl);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
