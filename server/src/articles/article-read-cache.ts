import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { SlicedCache } from '../common/sliced-cache.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/**
 * The feed, the article lists and each article's shared part are the same for every resident of a community,
 * and a notice shared into a building's group chat is opened by everyone at once. So each is read from the
 * database once and served from memory for `LIST_CACHE_MS` (a second by default), loaded once even when many
 * ask together — the ActivityListCache approach. When that time is up, the old value is still served for one
 * more `LIST_CACHE_MS` while a single reload runs in the background, so no reader waits for the database then.
 * Any article write in this process (ArticlesRepository calls `invalidate`) moves the generation, and nothing
 * cached before it is served again; callers also put the activity cache's version in their keys where a page
 * shows activities. Read counts and scheduled articles may thus lag by up to two `LIST_CACHE_MS`.
 */
@Injectable()
export class ArticleReadCache {
  private readonly pages: SlicedCache<object>;
  /** Reads already noted today in this process: a repeat read adds nothing. */
  private readonly counted = new LRUCache<string, true>({ max: 200_000, ttl: 24 * 3600_000 });

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'listCacheMs'>) {
    this.pages = new SlicedCache(config.listCacheMs, { max: 5000, serveLastSlice: true });
  }

  invalidate(): void {
    this.pages.invalidate();
  }

  /** What is live depends on the time too (scheduled articles): `now` picks its TTL-sized slice of time. */
  get<T extends object>(key: string, now: Date, load: () => Promise<T>): Promise<T> {
    return this.pages.get(key, now, load) as Promise<T>;
  }

  /** True the first time a (reader, article, day) is seen here. */
  firstRead(key: string): boolean {
    if (this.counted.has(key)) return false;
    this.counted.set(key, true);
    return true;
  }
}
