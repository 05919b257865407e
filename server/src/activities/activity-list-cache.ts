import { Inject, Injectable } from '@nestjs/common';
import type { ActivitySummary, Page } from '@linli/shared';
import { CacheInvalidator, cacheScope } from '../common/cache-invalidator.js';
import { SlicedCache } from '../common/sliced-cache.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/**
 * Every resident of a community sees the same pages of its activity list, and they all open the 活动 tab at
 * once when a class is announced in the group chat. So a page is read from the database once and served from
 * memory for `LIST_CACHE_MS` (a second by default), loaded once even when many ask together.
 *
 * A page is read from its communities' activities: once a write that changed one of them commits in this process
 * (ActivitiesRepository marks the community, see CacheInvalidator), the page is read afresh; another community's
 * writes leave it alone, and another server instance's writes show within the TTL. Seats taken and released do
 * not mark anything: the counts and seat states here may lag by the TTL, while the detail page and every sign-up
 * read the database, so a stale count misleads no one for longer than that.
 */
@Injectable()
export class ActivityListCache {
  private readonly pages: SlicedCache<Page<ActivitySummary>>;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'listCacheMs'>, invalidator: CacheInvalidator) {
    this.pages = new SlicedCache(config.listCacheMs, invalidator, { max: 2000, serveLastSlice: false });
  }

  /** A page depends on the time too (what is upcoming, the seat state): `now` picks its TTL-sized slice of time. */
  get(key: string, communityIds: number[], now: Date, load: () => Promise<Page<ActivitySummary>>): Promise<Page<ActivitySummary>> {
    return this.pages.get(key, communityIds.map(cacheScope.activities), now, load);
  }
}
