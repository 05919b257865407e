import type { AccessTokenStore } from './access-token-store.js';

/** What the server passes to build a WechatClient. Only appId and secret have no default. */
export interface WechatClientConfig {
  appId: string;
  secret: string;
  /** Overridden in tests (fake server on loopback) and for an egress proxy; env WECHAT_API_BASE_URL. */
  baseUrl?: string;
  /** Per attempt; covers connecting, waiting and reading the body. */
  timeoutMs?: number;
  /** Extra attempts after a busy answer (-1) or a failed connection (a lost one too, unless the request must go once). */
  retries?: number;
  /** Backoff before retry n (0-based) is retryBaseDelayMs * 2^n. */
  retryBaseDelayMs?: number;
  /** Clock for access-token expiry; tests move it instead of waiting two hours. */
  now?: () => number;
  /** Shares the access token between server instances (Redis when REDIS_URL is set); else memory only. */
  tokenStore?: AccessTokenStore | null;
}

export type ResolvedWechatConfig = Required<Omit<WechatClientConfig, 'tokenStore'>> & {
  tokenStore: AccessTokenStore | null;
};

export const WECHAT_DEFAULT_BASE_URL = 'https://api.weixin.qq.com';

export function resolveWechatConfig(config: WechatClientConfig): ResolvedWechatConfig {
  // The server builds the client only when WeChat is configured; an empty value here is a wiring bug.
  if (!config.appId || !config.secret) throw new Error('WechatClient needs appId and secret');
  return {
    appId: config.appId,
    secret: config.secret,
    // Strip trailing slashes so a base with a path prefix (a proxy) keeps its prefix.
    baseUrl: (config.baseUrl || WECHAT_DEFAULT_BASE_URL).replace(/\/+$/, ''),
    timeoutMs: config.timeoutMs ?? 5000,
    retries: config.retries ?? 2,
    retryBaseDelayMs: config.retryBaseDelayMs ?? 200,
    now: config.now ?? Date.now,
    tokenStore: config.tokenStore ?? null,
  };
}
