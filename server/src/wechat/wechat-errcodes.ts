import { ErrorCode } from '@linli/shared';

/** WeChat errcodes the client acts on. WeChat answers HTTP 200 with `{errcode, errmsg}` on failure. */
export const WechatErrcode = {
  BUSY: -1,
  OPENID_INVALID: 40003,
  ACCESS_TOKEN_INVALID: 40001,
  CODE_INVALID: 40029,
  TEMPLATE_ID_INVALID: 40037,
  SCENE_INVALID: 40129,
  CODE_USED: 40163,
  RISKY_USER: 40226,
  PAGE_INVALID: 41030,
  ACCESS_TOKEN_EXPIRED: 42001,
  SUBSCRIBE_REFUSED: 43101,
  QUOTA_EXCEEDED: 45009,
  RATE_LIMITED: 45011,
  TEMPLATE_DATA_INVALID: 47003,
  USER_INACTIVE: 61010,
  CONTENT_RISKY: 87014,
} as const;

/**
 * The one table from WeChat errcodes to our API's error codes. Anything not listed (including
 * configuration mistakes such as 40013 invalid appid / 40125 invalid secret) is WECHAT_UNAVAILABLE:
 * the user can do nothing about it, and the errcode stays on the WechatApiError for the log.
 */
const errorCodeByErrcode: ReadonlyMap<number, ErrorCode> = new Map<number, ErrorCode>([
  [WechatErrcode.BUSY, ErrorCode.WECHAT_BUSY],
  [WechatErrcode.OPENID_INVALID, ErrorCode.WECHAT_OPENID_INVALID],
  [WechatErrcode.CODE_INVALID, ErrorCode.WECHAT_CODE_INVALID],
  [WechatErrcode.TEMPLATE_ID_INVALID, ErrorCode.WECHAT_TEMPLATE_INVALID],
  [WechatErrcode.SCENE_INVALID, ErrorCode.WECHAT_SCENE_INVALID],
  [WechatErrcode.CODE_USED, ErrorCode.WECHAT_CODE_USED],
  [WechatErrcode.RISKY_USER, ErrorCode.WECHAT_RISKY_USER],
  [WechatErrcode.PAGE_INVALID, ErrorCode.WECHAT_PAGE_INVALID],
  [WechatErrcode.SUBSCRIBE_REFUSED, ErrorCode.WECHAT_SUBSCRIBE_REFUSED],
  [WechatErrcode.QUOTA_EXCEEDED, ErrorCode.WECHAT_QUOTA_EXCEEDED],
  [WechatErrcode.RATE_LIMITED, ErrorCode.WECHAT_RATE_LIMITED],
  [WechatErrcode.TEMPLATE_DATA_INVALID, ErrorCode.WECHAT_TEMPLATE_INVALID],
  [WechatErrcode.USER_INACTIVE, ErrorCode.WECHAT_USER_INACTIVE],
]);

/**
 * Where one errcode means something else for one API. getuserphonenumber's code is a phone
 * authorisation, not a login: the user must tap "获取手机号" again, not reopen the app.
 */
const errorCodeByApiErrcode: ReadonlyMap<string, ReadonlyMap<number, ErrorCode>> = new Map([
  [
    'getuserphonenumber',
    new Map<number, ErrorCode>([
      [WechatErrcode.CODE_INVALID, ErrorCode.WECHAT_PHONE_CODE_INVALID],
      [WechatErrcode.CODE_USED, ErrorCode.WECHAT_PHONE_CODE_INVALID],
    ]),
  ],
]);

export function errorCodeForErrcode(errcode: number | null, api?: string): ErrorCode {
  if (errcode === null) return ErrorCode.WECHAT_UNAVAILABLE;
  const forApi = api === undefined ? undefined : errorCodeByApiErrcode.get(api)?.get(errcode);
  return forApi ?? errorCodeByErrcode.get(errcode) ?? ErrorCode.WECHAT_UNAVAILABLE;
}
