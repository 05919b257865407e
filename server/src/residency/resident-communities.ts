import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Database } from '../database/database.js';
import { ResidencyRepository } from './residency.repository.js';

/** How long a user's verified communities are trusted without asking the database again. */
const TTL_MS = 60_000;

/**
 * The communities each user is a verified resident of, which every resident's list (activities, consultations,
 * the feed) starts from. Kept for a minute, loaded once per user however many requests arrive together.
 * A new residency in this process drops the user's entry as its transaction commits (ResidencyService); other
 * server instances see it within the TTL.
 */
@Injectable()
export class ResidentCommunities {
  private readonly cache = new LRUCache<number, number[]>({
    max: 100_000,
    ttl: TTL_MS,
    fetchMethod: (userId) => this.residency.communityIdsOf(userId),
  });

  constructor(
    private readonly residency: ResidencyRepository,
    private readonly db: Database,
  ) {}

  async of(userId: number): Promise<number[]> {
    return (await this.cache.fetch(userId))!;
  }

  /** Drops the user's entry once the current transaction commits. */
  changed(userId: number): void {
    this.db.afterCommit(() => this.cache.delete(userId));
  }
}
