import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
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
  private generation = 0;
  private readonly cache: LRUCache<string, { value: object; slice: number }> | null;
  private readonly loading = new Map<string, Promise<object>>();
  private readonly ttlMs: number;
  /** Reads already noted today in this process: a repeat read adds nothing. */
  private readonly counted = new LRUCache<string, true>({ max: 200_000, ttl: 24 * 3600_000 });

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'listCacheMs'>) {
    this.ttlMs = config.listCacheMs;
    this.cache = config.listCacheMs > 0 ? new LRUCache<string, { value: object; slice: number }>({ max: 5000 }) : null;
  }

  invalidate(): void {
    this.generation++;
  }

  /** What is live depends on the time too (scheduled articles): `now` picks its TTL-sized slice of time. */
  async get<T extends object>(key: string, now: Date, load: () => Promise<T>): Promise<T> {
    if (!this.cache) return load();
    const slice = Math.floor(now.getTime() / this.ttlMs);
    const full = `${this.generation}|${key}`;
    const cached = this.cache.get(full);
    if (cached && cached.slice === slice) return cached.value as T;
    const reload = this.load(full, slice, load);
    if (cached && cached.slice === slice - 1) {
      reload.catch(() => undefined);
      return cached.value as T;
    }
    return (await reload) as T;
  }

  /** One load per key at a time; its result is kept for the slice it was asked in. */
  private load(key: string, slice: number, load: () => Promise<object>): Promise<object> {
    const running = this.loading.get(key);
    if (running) return running;
    const promise = load()
      .then((value) => {
        this.cache!.set(key, { value, slice });
        return value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  /** True the first time a (reader, article, day) is seen here. */
  firstRead(key: string): boolean {
    if (this.counted.has(key)) return false;
    this.counted.set(key, true);
    return true;
  }
}
