import type { Database } from '../database/database.js';

/** Carries a dry run's result out of the transaction it rolls back. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/**
 * Runs `work` in one transaction; on a dry run rolls it back and answers what it would have done. The preview is
 * the real import on the real rows (same unique keys, same matching), so it cannot drift from what a commit does.
 */
export async function previewOrCommit<T>(db: Database, dryRun: boolean, work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async () => {
      const result = await work();
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}
