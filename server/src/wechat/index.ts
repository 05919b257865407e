export { WechatApiError, type WechatFailure } from './wechat-api-error.js';
export { miniProgramCode, type MiniProgramCode } from './mini-program-code.js';
export {
  MSG_SEC_CHECK_MAX_CHARS,
  WXACODE_SCENE_PATTERN,
  WechatClient,
  type MiniprogramState,
  type MsgSecCheckRequest,
  type MsgSecCheckResult,
  type MsgSecCheckScene,
  type MsgSecCheckSuggest,
  type PhoneNumber,
  type SubscribeMessage,
  type UnlimitedQrCodeRequest,
  type WechatSession,
  type WxacodeEnvVersion,
} from './wechat-client.js';
export { WECHAT_DEFAULT_BASE_URL, type WechatClientConfig } from './wechat-config.js';
export { WechatErrcode, errorCodeForErrcode } from './wechat-errcodes.js';
export { RedisAccessTokenStore, type AccessTokenStore, type StoredAccessToken } from './access-token-store.js';
