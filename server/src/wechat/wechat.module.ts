import { Global, Module } from '@nestjs/common';
import { WECHAT_CLIENT, wechatClientProvider } from './wechat-client.provider.js';

/** One WeChat client (one access-token cache) for every feature that calls WeChat: login, messages, checks, codes. */
@Global()
@Module({ providers: [wechatClientProvider], exports: [WECHAT_CLIENT] })
export class WechatModule {}
