import { isIPv6 } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig, type RateLimit, type RateLimitClass } from '../config/config.js';
import type { RateLimitStore } from './rate-limit-store.js';

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');

/** "请 40 秒后再试" / "请 5 分钟后再试": when, in words a resident can act on. */
export function rateLimitedMessage(seconds: number): string {
  const when = seconds < 60 ? `${seconds} 秒` : seconds < 3600 ? `${Math.ceil(seconds / 60)} 分钟` : `${Math.ceil(seconds / 3600)} 小时`;
  return `操作太频繁了，请 ${when}后再试`;
}

/** An IPv6 client holds a whole /64: counting single addresses would let it rotate past any limit. */
function addressKey(ip: string): string {
  if (!isIPv6(ip) || ip.startsWith('::ffff:')) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

export interface Requester {
  userId?: number;
  ip?: string;
}

/** Counts requests per user and per address and refuses the one over its limit with 429 RATE_LIMITED and Retry-After. */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimiter');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
  ) {}

  async take(kind: RateLimitClass, who: Requester): Promise<void> {
    const limits = this.config.rateLimits[kind];
    if (limits.user && who.userId !== undefined) await this.hit(`${kind}:user:${who.userId}`, limits.user);
    if (limits.ip && who.ip) await this.hit(`${kind}:ip:${addressKey(who.ip)}`, limits.ip);
  }

  private async hit(key: string, limit: RateLimit): Promise<void> {
    let count;
    try {
      count = await this.store.hit(key, limit.seconds * 1000, limit.count);
    } catch (error) {
      // Limits guard against abuse; a Redis outage must not lock every resident out, so the request goes through.
      this.logger.warn({ err: error }, 'Rate-limit store unreachable: request not counted');
      return;
    }
    if (count.current > limit.count) {
      const seconds = Math.max(1, Math.ceil(count.ttl / 1000));
      throw new AppError('RATE_LIMITED', { message: rateLimitedMessage(seconds), retryAfterSeconds: seconds });
    }
  }
}
