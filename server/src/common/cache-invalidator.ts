import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Database } from '../database/database.js';

/** What a cached value was read from: a community's activities, articles or consultations, one poll, one user's homes. */
export const cacheScope = {
  activities: (communityId: number) => `activities:${communityId}`,
  articles: (communityId: number) => `articles:${communityId}`,
  polls: (communityId: number) => `polls:${communityId}`,
  poll: (pollId: number) => `poll:${pollId}`,
  homes: (userId: number) => `homes:${userId}`,
};

/**
 * The one rule every in-process cache follows: a cached value names the scopes it was read from (a community's
 * activities, one poll…), and a write that changed rows of a scope marks it changed once its transaction has
 * committed (`Database.afterCommit`; never after a rollback, and only when the write matched something). A value
 * is served only while none of its scopes changed after its load began: a reader that loaded during the
 * transaction loaded before the mark, so its copy of the old rows is not served after the commit.
 *
 * Counters that move on every sign-up (seats taken, waitlist, read counts) do not mark anything: they ride the
 * caches' TTL (a second by default), or a rush would empty them every few milliseconds. Other server instances'
 * writes also show within the TTL.
 */
@Injectable()
export class CacheInvalidator {
  /** Moves on every change, in this process: a load remembers where it was when it began. */
  private clock = 0;
  /** When each scope last changed. Bounded: a forgotten scope counts as changed at `forgotten`, which is safe. */
  private readonly changedAt = new LRUCache<string, number>({
    max: 200_000,
    dispose: (at, _scope, reason) => {
      if (reason === 'evict') this.forgotten = Math.max(this.forgotten, at);
    },
  });
  private forgotten = 0;

  constructor(private readonly db: Database) {}

  /** Take before loading; pass to `fresh` with the scopes the loaded value came from. */
  mark(): number {
    return this.clock;
  }

  /** Whether none of `scopes` changed since `mark`. */
  fresh(scopes: readonly string[], mark: number): boolean {
    for (const scope of scopes) if ((this.changedAt.get(scope) ?? this.forgotten) > mark) return false;
    return true;
  }

  /** Marks the scopes changed once the current transaction commits (at once outside one). */
  changed(...scopes: string[]): void {
    if (scopes.length === 0) return;
    this.db.afterCommit(() => {
      this.clock++;
      for (const scope of scopes) this.changedAt.set(scope, this.clock);
    });
  }
}
