import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { UsersRepository } from '../users/users.repository.js';
import type { GrantScope } from './auth-context.js';

/** How long a user's grants are trusted without asking the database again. */
const TTL_MS = 60_000;
/** Redis channel on which instances announce "this user's grants changed". */
export const GRANTS_CHANNEL = 'linli:grants-changed';

/**
 * Every authenticated request needs the caller's grants (and proof the account still exists). Reading them
 * from the database each time cost one round trip per request, as much as the work of most routes; so they are
 * kept here for a minute, loaded once per user even when many requests arrive together (lru-cache's fetch
 * de-duplicates). A login loads them afresh.
 *
 * A revoked grant must stop working everywhere at once, so whatever changes a user's grants or removes the account
 * calls `forget` after its commit: that drops this instance's copy and, with REDIS_URL, tells every other instance
 * through Redis pub/sub (a fetch in flight when the message arrives is aborted by the delete, so it cannot put the
 * old grants back). While the subscription is not live (Redis down, reconnecting) a message could be missed, so
 * the cache is bypassed and every request reads the database: slower, never stale. Several instances without
 * Redis are not supported (they would trust a revoked grant for up to a minute).
 */
@Injectable()
export class GrantsCache implements OnModuleDestroy {
  private readonly logger = new Logger('GrantsCache');
  private readonly cache = new LRUCache<number, { grants: GrantScope[] | null }>({
    max: 100_000,
    ttl: TTL_MS,
    fetchMethod: async (userId) => ({ grants: await this.users.grantScopes(userId) }),
  });
  private readonly publisher: Redis | null = null;
  private readonly subscriber: Redis | null = null;
  private subscribed = false;
  private everSubscribed = false;

  constructor(
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'redisUrl'> = { redisUrl: null },
  ) {
    if (!config.redisUrl) return;
    this.publisher = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.subscriber = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    this.publisher.on('error', (error) => this.logger.warn(`Redis (grants publisher): ${error.message}`));
    this.subscriber.on('error', (error) => this.logger.warn(`Redis (grants subscriber): ${error.message}`));
    this.subscriber.on('message', (_channel, message) => this.cache.delete(Number(message)));
    // Until the first subscribe, and from a lost connection until ioredis has re-subscribed, nothing is trusted.
    this.subscriber.on('close', () => (this.subscribed = false));
    const live = () => {
      this.cache.clear();
      this.subscribed = true;
    };
    this.subscriber.on('ready', () => this.everSubscribed && live());
    this.subscriber
      .subscribe(GRANTS_CHANNEL)
      .then(() => {
        this.everSubscribed = true;
        live();
      })
      .catch((error: Error) => this.logger.warn(`Redis subscribe failed: ${error.message}`));
  }

  /** The user's grants, or null when there is no such user. */
  async of(userId: number): Promise<GrantScope[] | null> {
    if (this.subscriber && !this.subscribed) return this.users.grantScopes(userId);
    return (await this.cache.fetch(userId))!.grants;
  }

  /** Loads the grants afresh, as at login. */
  async reload(userId: number): Promise<GrantScope[] | null> {
    return (await this.cache.fetch(userId, { forceRefresh: true }))!.grants;
  }

  /** The user's grants changed (or the account went): drop every instance's copy. Call after the commit. */
  forget(userId: number): void {
    this.cache.delete(userId);
    this.publisher?.publish(GRANTS_CHANNEL, String(userId)).catch((error: Error) => this.logger.error(`grants change not announced: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.publisher?.quit(), this.subscriber?.quit()].map((p) => p?.catch(() => undefined)));
  }
}
