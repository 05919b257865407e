import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { memoryStore, redisStore } from './rate-limit-store.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RATE_LIMIT_STORE, RateLimiter } from './rate-limiter.js';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');
/** Users and addresses counted at once in memory; beyond that the longest idle are forgotten. */
const MEMORY_KEYS = 50_000;

/**
 * Request limits. Imported after AuthModule, so its guard runs after the auth guard and sees who is asking.
 * With REDIS_URL every instance counts in the same Redis; otherwise each counts in its own memory.
 */
@Global()
@Module({
  providers: [
    {
      provide: RATE_LIMIT_REDIS,
      inject: [APP_CONFIG],
      // Fail fast when Redis is away rather than hold requests behind it (RateLimiter then lets them through).
      useFactory: (config: AppConfig) => {
        if (!config.redisUrl) return null;
        const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
        // Each failed command is logged by RateLimiter; the connection's own errors need no second report.
        redis.on('error', () => undefined);
        return redis;
      },
    },
    {
      provide: RATE_LIMIT_STORE,
      inject: [RATE_LIMIT_REDIS],
      useFactory: (redis: Redis | null) => (redis ? redisStore(redis) : memoryStore(MEMORY_KEYS)),
    },
    RateLimiter,
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [RateLimiter],
})
export class RateLimitModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis | null) {}

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
