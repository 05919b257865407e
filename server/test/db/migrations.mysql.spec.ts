import { pendingSchemaChanges } from '../../src/database/pending-schema-changes.js';
import { createTestDatabase } from '../support/test-database.js';

/** Runs only in the MySQL suite (TEST_DATABASE=mysql): production schema comes from migrations alone. */
describe('MySQL migrations', () => {
  it('build exactly the schema the entities describe', async () => {
    const database = await createTestDatabase();
    try {
      expect(database.config.kind).toBe('mysql');
      const { upQueries } = await pendingSchemaChanges(database.config);
      expect(upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await database.drop();
    }
  });

  it('store and compare Chinese text in utf8mb4', async () => {
    const database = await createTestDatabase();
    const { createConnection } = await import('mysql2/promise');
    const conn = await createConnection((database.config as { url: string }).url);
    try {
      await conn.query("CREATE TABLE t (name varchar(32) NOT NULL, UNIQUE KEY (name)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
      await conn.query('INSERT INTO t VALUES (?), (?)', ['张阿姨', '𠮷野家']);
      const [rows] = await conn.query('SELECT name FROM t WHERE name = ?', ['张阿姨']);
      expect(rows).toEqual([{ name: '张阿姨' }]);
    } finally {
      await conn.end();
      await database.drop();
    }
  });
});
