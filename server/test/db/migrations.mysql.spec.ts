import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { PollBackgroundHtml1795318667000 } from '../../src/database/migrations/1795318667000-poll-background-html.js';
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

  it('turn a consultation background of paragraphs and pictures into HTML, and back', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(await dataSourceOptions(database.config));
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const blocks = [
        { kind: 'text', text: '楼道太暗 <script>alert(1)</script> & 不安全' },
        { kind: 'image', url: '/uploads/0123456789abcdef0123456789abcdef/body.jpg', caption: '现在的"楼道"' },
        { kind: 'text', text: '请投票。' },
      ];
      // An old row (written before this migration), and one already in HTML.
      await runner.query('SET FOREIGN_KEY_CHECKS = 0');
      const insert = (id: number, background: string) =>
        runner.query(
          "INSERT INTO poll (id, communityId, createdBy, title, background, buildings, voterMode, secrecy, opensAt, closesAt, resultsVisibility, minBallots, quorumPercent, passRule, opinionsEnabled, status, createdAt) VALUES (?, 1, 1, '议题', ?, '[]', 'person', 'secret', NOW(), NOW(), 'live', 10, 0, 'simple_majority', 0, 'draft', NOW())",
          [id, background],
        );
      await insert(1, JSON.stringify(blocks));
      await insert(2, '<p>已经是 HTML</p>');
      const backgrounds = async () => ((await runner.query('SELECT background FROM poll ORDER BY id')) as { background: string }[]).map((r) => r.background);

      const migration = new PollBackgroundHtml1795318667000();
      await migration.up(runner);
      expect(await backgrounds()).toEqual([
        '<p>楼道太暗 &lt;script&gt;alert(1)&lt;/script&gt; &amp; 不安全</p><p><img src="/uploads/0123456789abcdef0123456789abcdef/body.jpg" alt="现在的&quot;楼道&quot;" /></p><p>请投票。</p>',
        '<p>已经是 HTML</p>',
      ]);
      await migration.down(runner);
      const [first, second] = (await backgrounds()).map((b) => JSON.parse(b));
      expect(first).toEqual(blocks);
      expect(second).toEqual([{ kind: 'text', text: '已经是 HTML' }]);
    } finally {
      await runner.release();
      await dataSource.destroy();
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
