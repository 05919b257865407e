import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { CacheInvalidator } from '../common/cache-invalidator.js';
import { SlicedCache, type Scopes } from '../common/sliced-cache.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/**
 * The feed, the article lists and each article's shared part are the same for every resident of a community,
 * and a notice shared into a building's group chat is opened by everyone at once. So each is read from the
 * database once and served from memory for `LIST_CACHE_MS` (a second by default), loaded once even when many
 * ask together — the ActivityListCache approach. When that time is up, the old value is still served for one
 * more `LIST_CACHE_MS` while a single reload runs in the background, so no reader waits for the database then.
 * Each value names what it was read from (its communities' articles, and activities and consultations where it
 * shows them, see CacheInvalidator): a write there that commits in this process has it read afresh, and other
 * communities' writes leave it alone. Read counts, seat counts and scheduled articles may lag by up to two
 * `LIST_CACHE_MS`.
 */
@Injectable()
export class ArticleReadCache {
  private readonly pages: SlicedCache<object>;
  /** Reads already noted today in this process: a repeat read adds nothing. */
  private readonly counted = new LRUCache<string, true>({ max: 200_000, ttl: 24 * 3600_000 });

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'listCacheMs'>, invalidator: CacheInvalidator) {
    this.pages = new SlicedCache(config.listCacheMs, invalidator, { max: 5000, serveLastSlice: true });
  }

  /** What is live depends on the time too (scheduled articles): `now` picks its TTL-sized slice of time. */
  get<T extends object>(key: string, scopes: Scopes<T>, now: Date, load: () => Promise<T>): Promise<T> {
    return this.pages.get(key, scopes as Scopes<object>, now, load) as Promise<T>;
  }

  /** True the first time a (reader, article, day) is seen here. */
  firstRead(key: string): boolean {
    if (this.counted.has(key)) return false;
    this.counted.set(key, true);
    return true;
  }
}
