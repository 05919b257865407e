import { Inject, Injectable } from '@nestjs/common';
import type { ActivitySummary, Page } from '@linli/shared';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

type Load = () => Promise<Page<ActivitySummary>>;

/**
 * Every resident of a community sees the same pages of its activity list, and they all open the 活动 tab at
 * once when a class is announced in the group chat. So a page is read from the database once and served from
 * memory for `LIST_CACHE_MS` (a second by default), loaded once even when many ask together.
 *
 * Any write to an activity row in this process (ActivitiesRepository calls `invalidate`) moves the generation,
 * and pages cached under an older generation are never served again; another server instance's writes show
 * within the TTL. The detail page and every sign-up read the database, so a stale count here misleads no one
 * for longer than that.
 */
@Injectable()
export class ActivityListCache {
  private generation = 0;
  private readonly cache: LRUCache<string, Page<ActivitySummary>, Load> | null;
  private readonly ttlMs: number;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'listCacheMs'>) {
    this.ttlMs = config.listCacheMs;
    this.cache =
      config.listCacheMs > 0
        ? new LRUCache<string, Page<ActivitySummary>, Load>({ max: 2000, ttl: config.listCacheMs, fetchMethod: (_key, _stale, { context }) => context() })
        : null;
  }

  invalidate(): void {
    this.generation++;
  }

  /** Moves on every activity write: other caches that show activities (the feed) put it in their keys. */
  get version(): number {
    return this.generation;
  }

  /** A page depends on the time too (what is upcoming, the seat state): `now` picks its TTL-sized slice of time. */
  async get(key: string, now: Date, load: Load): Promise<Page<ActivitySummary>> {
    if (!this.cache) return load();
    const slice = Math.floor(now.getTime() / this.ttlMs);
    return (await this.cache.fetch(`${this.generation}|${slice}|${key}`, { context: load }))!;
  }
}
