import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const TRANSACTIONS = 300;

/**
 * TypeORM's SQLite drivers share one connection, so unserialised concurrent transactions nest as savepoints and
 * a rollback in one takes others' acknowledged writes with it. Database.transaction must keep every committed
 * write and none of a rolled-back one, on both databases.
 */
describe('Database.transaction under concurrency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('commits every successful transaction whole and rolls back every failed one whole', async () => {
    const audit = t.app.get(AuditRepository);
    const results = await Promise.allSettled(
      Array.from({ length: TRANSACTIONS }, (_, i) =>
        t.db.transaction(async () => {
          await audit.append({ actorId: null, action: `race.${i}`, communityId: null, targetType: 'test', targetId: i });
          // Yield between the two writes so other transactions get a chance to interleave.
          await new Promise((resolve) => setImmediate(resolve));
          if (i % 3 === 0) throw new Error(`rollback ${i}`);
          await audit.append({ actorId: null, action: `race.${i}`, communityId: null, targetType: 'test', targetId: i });
        }),
      ),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(TRANSACTIONS / 3);
    expect(failed.every((r) => String((r as PromiseRejectedResult).reason).includes('rollback'))).toBe(true);

    const rows = await t.db.run((em) => em.find(AuditLog, { where: { targetType: 'test' } }));
    const perTransaction = new Map<number, number>();
    for (const row of rows) perTransaction.set(row.targetId!, (perTransaction.get(row.targetId!) ?? 0) + 1);
    for (let i = 0; i < TRANSACTIONS; i++) expect([i, perTransaction.get(i) ?? 0]).toEqual([i, i % 3 === 0 ? 0 : 2]);
    expect(rows).toHaveLength((TRANSACTIONS * 2 * 2) / 3);
  });

  it('runs after-commit effects once the transaction commits, and never for one that rolls back', async () => {
    const audit = t.app.get(AuditRepository);
    const seen: string[] = [];
    await t.db.transaction(async () => {
      await audit.append({ actorId: null, action: 'effect.commit', communityId: null, targetType: 'effect', targetId: 1 });
      t.db.afterCommit(() => seen.push('committed'));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['committed']);
    await expect(
      t.db.transaction(async () => {
        t.db.afterCommit(() => seen.push('rolled back'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    t.db.afterCommit(() => seen.push('outside'));
    expect(seen).toEqual(['committed', 'outside']);
  });

  it('runs plain-SQL units in a plain transaction: all or nothing under concurrency, effects after commit', async () => {
    // Outside the hash chain (chain -2, a place of its own per write): this exercises the transaction, not the log.
    const insert = (i: number, k: number) =>
      t.db.execute('INSERT INTO `audit_log` (`chain`, `seq`, `actorId`, `action`, `communityId`, `targetType`, `targetId`, `detail`, `createdAt`) VALUES (-2, ?, ?, ?, ?, ?, ?, ?, ?)', [
        i * 2 + k,
        null,
        `plain.${i}`,
        null,
        'plain',
        i,
        '{}',
        t.db.kind === 'mysql' ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', ''),
      ]);
    const effects: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        t.db.plainTransaction(async () => {
          await insert(i, 0);
          t.db.afterCommit(() => effects.push(i));
          await new Promise((resolve) => setImmediate(resolve));
          if (i % 3 === 0) throw new Error(`rollback ${i}`);
          await insert(i, 1);
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(20);
    const rows = await t.db.rawQuery<{ targetId: number }>('SELECT `targetId` FROM `audit_log` WHERE `targetType` = ?', ['plain']);
    const committed = Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 3 !== 0);
    expect(rows.map((r) => Number(r.targetId)).sort((a, b) => a - b)).toEqual(committed.flatMap((i) => [i, i]));
    expect(effects.sort((a, b) => a - b)).toEqual(committed);
    if (t.db.kind === 'mysql') {
      await expect(t.db.plainTransaction(() => t.db.run(async () => 1))).rejects.toThrow(/plainTransaction/);
    }
  });
});
