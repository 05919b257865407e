/** @fastify/rate-limit's two counters, used on their own (its types describe only the plugin). */
interface RateLimitCount {
  /** Requests in the current window, this one included. */
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}
interface RateLimitStoreInstance {
  incr(key: string, callback: (error: Error | null, count: RateLimitCount) => void, timeWindowMs: number, max: number): void;
}

declare module '@fastify/rate-limit/store/LocalStore.js' {
  const LocalStore: new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => RateLimitStoreInstance;
  export default LocalStore;
}

declare module '@fastify/rate-limit/store/RedisStore.js' {
  import type { Redis } from 'ioredis';
  const RedisStore: new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key?: string) => RateLimitStoreInstance;
  export default RedisStore;
}
