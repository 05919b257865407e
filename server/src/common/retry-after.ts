import type { ErrorCode } from '@linli/shared';

/**
 * Seconds a client should wait before trying again, sent as `Retry-After` with these answers. Short: a database
 * restart or a WeChat hiccup is usually over within seconds, and the miniapp only retries when the person taps 重试.
 */
const retryAfterSeconds: Partial<Record<ErrorCode, number>> = {
  DATABASE_UNAVAILABLE: 5,
  STORAGE_UNAVAILABLE: 5,
  WECHAT_BUSY: 2,
  WECHAT_UNAVAILABLE: 10,
};

export function retryAfterOf(code: ErrorCode): number | null {
  return retryAfterSeconds[code] ?? null;
}
