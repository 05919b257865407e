import { setTimeout as sleep } from 'node:timers/promises';
import type { AccessTokenStore, StoredAccessToken } from './access-token-store.js';

export interface IssuedAccessToken {
  token: string;
  expiresInSeconds: number;
}

/** Fetches a token from WeChat; forceRefresh asks for a new one even if the current one is unexpired. */
export type AccessTokenLoader = (forceRefresh: boolean) => Promise<IssuedAccessToken>;

type CachedToken = StoredAccessToken;

/** Refresh this long before expiry, so a call never starts with a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/** How long one instance may hold the shared force-refresh lock, and others wait for its token. */
const REFRESH_LOCK_MS = 5000;
const REFRESH_POLL_MS = 50;

/**
 * The app's access token, cached in memory. Concurrent callers share one request (single flight):
 * WeChat limits token requests, and force refreshes to 20 a day. With a shared store (Redis),
 * instances share the token too, and one force refresh serves them all.
 */
export class AccessTokenCache {
  private cached: CachedToken | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly load: AccessTokenLoader,
    private readonly now: () => number,
    private readonly store: AccessTokenStore | null = null,
  ) {}

  async get(): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.refreshAt) return cached.token;
    try {
      return await this.fetch(false);
    } catch (error) {
      // Inside the refresh margin the old token still works: prefer it to failing the caller.
      if (cached && this.now() < cached.expiresAt) return cached.token;
      throw error;
    }
  }

  /**
   * WeChat rejected `rejected` (40001/42001): get a forced new token, unless another caller already
   * replaced it — many calls failing with the same token must cost one force refresh, not many.
   */
  async replace(rejected: string): Promise<string> {
    if (this.inflight) {
      const token = await this.inflight;
      if (token !== rejected) return token;
    }
    if (this.cached && this.cached.token !== rejected) return this.cached.token;
    return this.fetch(true, rejected);
  }

  private fetch(forceRefresh: boolean, rejected?: string): Promise<string> {
    this.inflight ??= this.obtain(forceRefresh, rejected)
      .then((token) => {
        this.cached = token;
        return token.token;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** A token from the shared store when another instance already got a good one, else from WeChat. */
  private async obtain(forceRefresh: boolean, rejected: string | undefined): Promise<CachedToken> {
    if (!this.store) return this.fromWechat(forceRefresh);
    const shared = await this.readShared(rejected, forceRefresh);
    if (shared) return shared;
    // Without force, stable_token hands every instance the same token: no need to coordinate.
    if (!forceRefresh) return this.writeShared(await this.fromWechat(false));

    // A force refresh revokes the old token for everyone: let one instance at a time do it.
    if (await this.tryLock()) {
      try {
        return (await this.readShared(rejected, true)) ?? this.writeShared(await this.fromWechat(true));
      } finally {
        await this.store.unlock().catch(() => undefined);
      }
    }
    const deadline = Date.now() + REFRESH_LOCK_MS;
    while (Date.now() < deadline) {
      await sleep(REFRESH_POLL_MS);
      const refreshed = await this.readShared(rejected, true);
      if (refreshed) return refreshed;
    }
    // The other instance failed or died holding the lock.
    return this.writeShared(await this.fromWechat(true));
  }

  private async fromWechat(forceRefresh: boolean): Promise<CachedToken> {
    const { token, expiresInSeconds } = await this.load(forceRefresh);
    const now = this.now();
    const lifetimeMs = expiresInSeconds * 1000;
    return {
      token,
      expiresAt: now + lifetimeMs,
      // A token issued with little time left (stable_token returns the current one) is refreshed
      // halfway instead, so we neither use it past expiry nor refetch on every call.
      refreshAt: now + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2),
    };
  }

  /**
   * The shared token if it is usable: not the one WeChat rejected, and fresh (or, after a rejection,
   * merely unexpired: another instance has just replaced it). A store that fails counts as empty:
   * the token then comes from WeChat, as without a store.
   */
  private async readShared(rejected: string | undefined, afterRejection: boolean): Promise<CachedToken | null> {
    const stored = await this.store?.read().catch(() => null);
    if (!stored || stored.token === rejected) return null;
    const now = this.now();
    return now < (afterRejection ? stored.expiresAt : stored.refreshAt) ? stored : null;
  }

  private async writeShared(token: CachedToken): Promise<CachedToken> {
    await this.store?.write(token, this.now()).catch(() => undefined);
    return token;
  }

  private async tryLock(): Promise<boolean> {
    // If the store cannot be reached, refresh alone rather than not at all.
    return (await this.store?.lock(REFRESH_LOCK_MS).catch(() => true)) ?? true;
  }
}
