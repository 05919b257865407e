import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import type { Redis } from 'ioredis';

export interface RateLimitStore {
  /** Counts one request under `key` in a fixed window; answers the count so far and the window's time left. */
  hit(key: string, windowMs: number, max: number): Promise<{ current: number; ttl: number }>;
}

function promised(store: InstanceType<typeof LocalStore>): RateLimitStore {
  return {
    hit: (key, windowMs, max) =>
      new Promise((resolve, reject) => store.incr(key, (error, count) => (error ? reject(error) : resolve(count)), windowMs, max)),
  };
}

/**
 * @fastify/rate-limit's counters: an LRU in this process (the least recently seen keys are forgotten first, so
 * memory stays bounded), or one Lua INCR+PEXPIRE in Redis shared by every instance.
 */
export function memoryStore(keys: number): RateLimitStore {
  return promised(new LocalStore(false, false, keys));
}

export function redisStore(redis: Redis): RateLimitStore {
  return promised(new RedisStore(false, false, redis, 'linli:rate-limit:'));
}
