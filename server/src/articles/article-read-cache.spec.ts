import { CacheInvalidator, cacheScope } from '../common/cache-invalidator.js';
import type { Database } from '../database/database.js';
import { ArticleReadCache } from './article-read-cache.js';

/** No transaction here: CacheInvalidator's marks take effect at once. */
const noTransaction = { afterCommit: (effect: () => void) => effect() } as unknown as Database;

const at = (ms: number) => new Date(1_000_000_000_000 + ms);

describe('ArticleReadCache', () => {
  it('loads once for many readers, serves the old value one more second while reloading, and drops it on a write in its community', async () => {
    const invalidator = new CacheInvalidator(noTransaction);
    const cache = new ArticleReadCache({ listCacheMs: 1000 }, invalidator);
    let loads = 0;
    let release: () => void = () => undefined;
    const feed = [cacheScope.articles(1), cacheScope.activities(1)];
    const load = () => {
      const n = ++loads;
      return n === 2 ? new Promise<{ n: number }>((resolve) => (release = () => resolve({ n }))) : Promise.resolve({ n });
    };

    const first = await Promise.all([cache.get('feed', feed, at(0), load), cache.get('feed', feed, at(10), load)]);
    expect(first).toEqual([{ n: 1 }, { n: 1 }]);
    expect(loads).toBe(1);

    // The next second: the old page at once, one reload behind it.
    expect(await cache.get('feed', feed, at(1000), load)).toEqual({ n: 1 });
    expect(await cache.get('feed', feed, at(1100), load)).toEqual({ n: 1 });
    expect(loads).toBe(2);
    release();
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('feed', feed, at(1200), load)).toEqual({ n: 2 });

    // Two seconds on, nothing that old is served: the reader waits for a fresh load.
    expect(await cache.get('feed', feed, at(3500), load)).toEqual({ n: 3 });

    invalidator.changed(cacheScope.articles(2));
    expect(await cache.get('feed', feed, at(3600), load)).toEqual({ n: 3 });
    invalidator.changed(cacheScope.activities(1));
    expect(await cache.get('feed', feed, at(3600), load)).toEqual({ n: 4 });
  });

  it('notes a reader once a day', () => {
    const cache = new ArticleReadCache({ listCacheMs: 1000 }, new CacheInvalidator(noTransaction));
    expect(cache.firstRead('1|2|2026-11-22')).toBe(true);
    expect(cache.firstRead('1|2|2026-11-22')).toBe(false);
    expect(cache.firstRead('1|2|2026-11-23')).toBe(true);
  });

  it('always loads when caching is off', async () => {
    const cache = new ArticleReadCache({ listCacheMs: 0 }, new CacheInvalidator(noTransaction));
    let loads = 0;
    await cache.get('x', [], at(0), async () => ({ n: ++loads }));
    await cache.get('x', [], at(0), async () => ({ n: ++loads }));
    expect(loads).toBe(2);
  });
});
