import { ArticleReadCache } from './article-read-cache.js';

const at = (ms: number) => new Date(1_000_000_000_000 + ms);

describe('ArticleReadCache', () => {
  it('loads once for many readers, serves the old value one more second while reloading, and drops everything on a write', async () => {
    const cache = new ArticleReadCache({ listCacheMs: 1000 });
    let loads = 0;
    let release: () => void = () => undefined;
    const load = () => {
      const n = ++loads;
      return n === 2 ? new Promise<{ n: number }>((resolve) => (release = () => resolve({ n }))) : Promise.resolve({ n });
    };

    const first = await Promise.all([cache.get('feed', at(0), load), cache.get('feed', at(10), load)]);
    expect(first).toEqual([{ n: 1 }, { n: 1 }]);
    expect(loads).toBe(1);

    // The next second: the old page at once, one reload behind it.
    expect(await cache.get('feed', at(1000), load)).toEqual({ n: 1 });
    expect(await cache.get('feed', at(1100), load)).toEqual({ n: 1 });
    expect(loads).toBe(2);
    release();
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('feed', at(1200), load)).toEqual({ n: 2 });

    // Two seconds on, nothing that old is served: the reader waits for a fresh load.
    expect(await cache.get('feed', at(3500), load)).toEqual({ n: 3 });

    cache.invalidate();
    expect(await cache.get('feed', at(3600), load)).toEqual({ n: 4 });
  });

  it('notes a reader once a day', () => {
    const cache = new ArticleReadCache({ listCacheMs: 1000 });
    expect(cache.firstRead('1|2|2026-11-22')).toBe(true);
    expect(cache.firstRead('1|2|2026-11-22')).toBe(false);
    expect(cache.firstRead('1|2|2026-11-23')).toBe(true);
  });

  it('always loads when caching is off', async () => {
    const cache = new ArticleReadCache({ listCacheMs: 0 });
    let loads = 0;
    await cache.get('x', at(0), async () => ({ n: ++loads }));
    await cache.get('x', at(0), async () => ({ n: ++loads }));
    expect(loads).toBe(2);
  });
});
