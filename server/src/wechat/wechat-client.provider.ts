import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Redis } from 'ioredis';
import { RedisAccessTokenStore, WechatClient } from './index.js';

export const WECHAT_CLIENT = Symbol('WECHAT_CLIENT');

/**
 * The WeChat API client, or null when WeChat is not configured (features that need it say so).
 * With REDIS_URL, server instances share one access token through Redis.
 */
export const wechatClientProvider: Provider = {
  provide: WECHAT_CLIENT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    if (!config.wechat) return null;
    const tokenStore = config.redisUrl
      ? new RedisAccessTokenStore(
          // Fail fast when Redis is down: the client then fetches the token itself.
          new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 }),
          config.wechat.appId,
        )
      : null;
    return new WechatClient({ ...config.wechat, tokenStore });
  },
};
