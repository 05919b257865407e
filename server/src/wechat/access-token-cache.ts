export interface IssuedAccessToken {
  token: string;
  expiresInSeconds: number;
}

/** Fetches a token from WeChat; forceRefresh asks for a new one even if the current one is unexpired. */
export type AccessTokenLoader = (forceRefresh: boolean) => Promise<IssuedAccessToken>;

interface CachedToken {
  token: string;
  refreshAt: number;
  expiresAt: number;
}

/** Refresh this long before expiry, so a call never starts with a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The app's access token, cached in memory. Concurrent callers share one request (single flight):
 * WeChat limits token requests, and force refreshes to 20 a day.
 */
export class AccessTokenCache {
  private cached: CachedToken | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly load: AccessTokenLoader,
    private readonly now: () => number,
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
    return this.fetch(true);
  }

  private fetch(forceRefresh: boolean): Promise<string> {
    this.inflight ??= this.load(forceRefresh)
      .then(({ token, expiresInSeconds }) => {
        const now = this.now();
        const lifetimeMs = expiresInSeconds * 1000;
        this.cached = {
          token,
          expiresAt: now + lifetimeMs,
          // A token issued with little time left (stable_token returns the current one) is refreshed
          // halfway instead, so we neither use it past expiry nor refetch on every call.
          refreshAt: now + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2),
        };
        return token;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }
}
