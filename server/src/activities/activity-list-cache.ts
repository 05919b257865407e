import { Inject, Injectable } from '@nestjs/common';
import type { ActivitySummary, Page } from '@linli/shared';
import { SlicedCache } from '../common/sliced-cache.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

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
  private readonly pages: SlicedCache<Page<ActivitySummary>>;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'listCacheMs'>) {
    this.pages = new SlicedCache(config.listCacheMs, { max: 2000, serveLastSlice: false });
  }

  invalidate(): void {
    this.pages.invalidate();
  }

  /** Moves on every activity write: other caches that show activities (the feed) put it in their keys. */
  get version(): number {
    return this.pages.version;
  }

  /** A page depends on the time too (what is upcoming, the seat state): `now` picks its TTL-sized slice of time. */
  get(key: string, now: Date, load: () => Promise<Page<ActivitySummary>>): Promise<Page<ActivitySummary>> {
    return this.pages.get(key, now, load);
  }
}
