import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { CacheInvalidator, cacheScope } from '../common/cache-invalidator.js';
import { ResidencyRepository } from './residency.repository.js';

/** How long a user's verified communities are trusted without asking the database again. */
const TTL_MS = 60_000;

/**
 * The communities each user is a verified resident of, which every resident's list (activities, consultations,
 * the feed) starts from. Kept for a minute, loaded once per user however many requests arrive together.
 * A new residency in this process marks the user's homes changed as its transaction commits (ResidencyService,
 * through CacheInvalidator), and what was loaded before is read again; other server instances see it within the TTL.
 */
@Injectable()
export class ResidentCommunities {
  private readonly cache = new LRUCache<number, { ids: number[]; mark: number }>({
    max: 100_000,
    ttl: TTL_MS,
    fetchMethod: async (userId) => {
      const mark = this.invalidator.mark();
      return { ids: await this.residency.communityIdsOf(userId), mark };
    },
  });

  constructor(
    private readonly residency: ResidencyRepository,
    private readonly invalidator: CacheInvalidator,
  ) {}

  async of(userId: number): Promise<number[]> {
    // A load already under way when the residency changed is joined at most once more; then read directly.
    for (let attempt = 0; attempt < 3; attempt++) {
      const entry = (await this.cache.fetch(userId, { forceRefresh: attempt > 0 }))!;
      if (this.invalidator.fresh([cacheScope.homes(userId)], entry.mark)) return entry.ids;
    }
    return this.residency.communityIdsOf(userId);
  }

  /** The user's homes are read afresh once the current transaction commits. */
  changed(userId: number): void {
    this.invalidator.changed(cacheScope.homes(userId));
  }
}
