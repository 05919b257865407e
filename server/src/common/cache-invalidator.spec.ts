import type { Database } from '../database/database.js';
import { CacheInvalidator, cacheScope } from './cache-invalidator.js';

/** Outside any transaction `afterCommit` runs at once (Database's own rule); inside one, once it commits. */
function database() {
  const pending: (() => void)[] = [];
  let inTransaction = false;
  const db = { afterCommit: (effect: () => void) => (inTransaction ? pending.push(effect) : effect()) } as unknown as Database;
  return {
    db,
    begin: () => (inTransaction = true),
    commit: () => {
      inTransaction = false;
      pending.splice(0).forEach((effect) => effect());
    },
    rollback: () => {
      inTransaction = false;
      pending.length = 0;
    },
  };
}

describe('CacheInvalidator', () => {
  it('a value is fresh until one of its own scopes changes; other communities’ changes leave it alone', () => {
    const invalidator = new CacheInvalidator(database().db);
    const mark = invalidator.mark();
    const scopes = [cacheScope.activities(1), cacheScope.articles(1)];
    invalidator.changed(cacheScope.activities(2), cacheScope.poll(7));
    expect(invalidator.fresh(scopes, mark)).toBe(true);
    invalidator.changed(cacheScope.articles(1));
    expect(invalidator.fresh(scopes, mark)).toBe(false);
    // Loaded after the change: fresh again.
    expect(invalidator.fresh(scopes, invalidator.mark())).toBe(true);
  });

  it('marks only once the transaction commits, never after a rollback', () => {
    const { db, begin, commit, rollback } = database();
    const invalidator = new CacheInvalidator(db);
    const before = invalidator.mark();
    begin();
    invalidator.changed(cacheScope.activities(1));
    // A reader during the transaction loads the old rows, and what it caches must not outlive the commit.
    const during = invalidator.mark();
    expect(invalidator.fresh([cacheScope.activities(1)], before)).toBe(true);
    commit();
    expect(invalidator.fresh([cacheScope.activities(1)], during)).toBe(false);

    const after = invalidator.mark();
    begin();
    invalidator.changed(cacheScope.activities(1));
    rollback();
    expect(invalidator.fresh([cacheScope.activities(1)], after)).toBe(true);
  });
});
