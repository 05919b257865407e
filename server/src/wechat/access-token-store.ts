import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** An access token as the cache keeps it; times are epoch milliseconds on the client's clock. */
export interface StoredAccessToken {
  token: string;
  refreshAt: number;
  expiresAt: number;
}

/**
 * Where several server instances share the app's access token, so they neither fetch one each nor
 * revoke each other's with force refreshes. Implementations may throw: the cache then works alone.
 */
export interface AccessTokenStore {
  read(): Promise<StoredAccessToken | null>;
  write(token: StoredAccessToken, now: number): Promise<void>;
  /** Takes the force-refresh lock for ttlMs; false while another instance holds it. */
  lock(ttlMs: number): Promise<boolean>;
  unlock(): Promise<void>;
  close(): Promise<void>;
}

/** Deletes the lock only if it is still ours (it may have expired and been taken by another instance). */
const UNLOCK_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** The access token in Redis under one key per app id, expiring with the token. */
export class RedisAccessTokenStore implements AccessTokenStore {
  private readonly key: string;
  private readonly lockKey: string;
  /** Identifies this instance's lock. */
  private readonly lockValue = randomBytes(12).toString('hex');

  constructor(
    private readonly redis: Redis,
    appId: string,
    prefix = 'linli:wechat',
  ) {
    this.key = `${prefix}:access-token:${appId}`;
    this.lockKey = `${prefix}:access-token-refresh:${appId}`;
  }

  async read(): Promise<StoredAccessToken | null> {
    const text = await this.redis.get(this.key);
    if (!text) return null;
    try {
      const value = JSON.parse(text) as Partial<StoredAccessToken>;
      const { token, refreshAt, expiresAt } = value;
      if (typeof token !== 'string' || typeof refreshAt !== 'number' || typeof expiresAt !== 'number') return null;
      return { token, refreshAt, expiresAt };
    } catch {
      return null;
    }
  }

  async write(token: StoredAccessToken, now: number): Promise<void> {
    const ttlMs = Math.max(1, Math.round(token.expiresAt - now));
    await this.redis.set(this.key, JSON.stringify(token), 'PX', ttlMs);
  }

  async lock(ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.lockKey, this.lockValue, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async unlock(): Promise<void> {
    await this.redis.eval(UNLOCK_SCRIPT, 1, this.lockKey, this.lockValue);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
