import type { ActivitySummary, Page } from '@linli/shared';
import { CacheInvalidator, cacheScope } from '../common/cache-invalidator.js';
import type { Database } from '../database/database.js';
import { ActivityListCache } from './activity-list-cache.js';

/** No transaction here: CacheInvalidator's marks take effect at once. */
const noTransaction = { afterCommit: (effect: () => void) => effect() } as unknown as Database;

const page = (total: number): Page<ActivitySummary> => ({ items: [], total, page: 1, pageSize: 20 });

describe('ActivityListCache', () => {
  const at = (ms: number) => new Date(Date.UTC(2026, 10, 22) + ms);

  it('reads a page once per slice of time, however many ask at once', async () => {
    const cache = new ActivityListCache({ listCacheMs: 1000 }, new CacheInvalidator(noTransaction));
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return page(loads);
    };
    const pages = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', [1], at(100), load)));
    expect(loads).toBe(1);
    expect(pages.every((p) => p.total === 1)).toBe(true);
    expect((await cache.get('k', [1], at(900), load)).total).toBe(1);
    // The next second is another slice: what is upcoming and each seat state depend on the time.
    expect((await cache.get('k', [1], at(1100), load)).total).toBe(2);
    expect((await cache.get('other', [1], at(1100), load)).total).toBe(3);
  });

  it('drops the pages of a community whose activities changed, and only those', async () => {
    const invalidator = new CacheInvalidator(noTransaction);
    const cache = new ActivityListCache({ listCacheMs: 1000 }, invalidator);
    let loads = 0;
    const load = async () => page(++loads);
    await cache.get('a', [1], at(0), load);
    await cache.get('b', [2], at(0), load);
    await cache.get('ab', [1, 2], at(0), load);
    invalidator.changed(cacheScope.activities(1));
    expect((await cache.get('a', [1], at(0), load)).total).toBe(4);
    expect((await cache.get('b', [2], at(0), load)).total).toBe(2);
    expect((await cache.get('ab', [1, 2], at(0), load)).total).toBe(5);
  });

  it('a load that began before a change is not joined nor served after it', async () => {
    const invalidator = new CacheInvalidator(noTransaction);
    const cache = new ActivityListCache({ listCacheMs: 1000 }, invalidator);
    let loads = 0;
    let release: () => void = () => undefined;
    const load = () => {
      const n = ++loads;
      return n === 1 ? new Promise<Page<ActivitySummary>>((resolve) => (release = () => resolve(page(n)))) : Promise.resolve(page(n));
    };
    const stale = cache.get('a', [1], at(0), load);
    invalidator.changed(cacheScope.activities(1));
    expect((await cache.get('a', [1], at(0), load)).total).toBe(2);
    release();
    expect((await stale).total).toBe(1);
    expect((await cache.get('a', [1], at(0), load)).total).toBe(2);
  });

  it('reads every time when turned off', async () => {
    const cache = new ActivityListCache({ listCacheMs: 0 }, new CacheInvalidator(noTransaction));
    let loads = 0;
    const load = async () => page(++loads);
    await cache.get('k', [1], at(0), load);
    expect((await cache.get('k', [1], at(0), load)).total).toBe(2);
  });
});
