import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { WechatClient } from '../wechat/index.js';

export const WECHAT_CLIENT = Symbol('WECHAT_CLIENT');

/** The WeChat API client, or null when WeChat is not configured (features that need it say so). */
export const wechatClientProvider: Provider = {
  provide: WECHAT_CLIENT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => (config.wechat ? new WechatClient(config.wechat) : null),
};
