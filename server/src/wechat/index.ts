export { WechatApiError, type WechatFailure } from './wechat-api-error.js';
export { WechatClient, type WechatSession } from './wechat-client.js';
export { WECHAT_DEFAULT_BASE_URL, type WechatClientConfig } from './wechat-config.js';
export { WechatErrcode, errorCodeForErrcode } from './wechat-errcodes.js';
