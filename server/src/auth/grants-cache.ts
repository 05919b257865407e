import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { UsersRepository } from '../users/users.repository.js';
import type { GrantScope } from './auth-context.js';

/** How long a user's grants are trusted without asking the database again. */
const TTL_MS = 60_000;

/**
 * Every authenticated request needs the caller's grants (and proof the account still exists). Reading them
 * from the database each time cost one round trip per request, as much as the work of most routes; so they are
 * kept here for a minute, loaded once per user even when many requests arrive together (lru-cache's fetch
 * de-duplicates). A login loads them afresh. Whatever changes a user's grants or removes the account must call
 * `forget` in this process; other server instances see the change within the TTL.
 */
@Injectable()
export class GrantsCache {
  private readonly cache = new LRUCache<number, { grants: GrantScope[] | null }>({
    max: 100_000,
    ttl: TTL_MS,
    fetchMethod: async (userId) => ({ grants: await this.users.grantScopes(userId) }),
  });

  constructor(private readonly users: UsersRepository) {}

  /** The user's grants, or null when there is no such user. */
  async of(userId: number): Promise<GrantScope[] | null> {
    return (await this.cache.fetch(userId))!.grants;
  }

  /** Loads the grants afresh, as at login. */
  async reload(userId: number): Promise<GrantScope[] | null> {
    return (await this.cache.fetch(userId, { forceRefresh: true }))!.grants;
  }

  forget(userId: number): void {
    this.cache.delete(userId);
  }
}
