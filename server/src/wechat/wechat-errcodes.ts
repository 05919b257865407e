import { ErrorCode } from '@linli/shared';

/** WeChat errcodes the client acts on. WeChat answers HTTP 200 with `{errcode, errmsg}` on failure. */
export const WechatErrcode = {
  BUSY: -1,
  ACCESS_TOKEN_INVALID: 40001,
  ACCESS_TOKEN_EXPIRED: 42001,
  CODE_INVALID: 40029,
  CODE_USED: 40163,
  RISKY_USER: 40226,
  RATE_LIMITED: 45011,
} as const;

/**
 * The one table from WeChat errcodes to our API's error codes. Anything not listed (including
 * configuration mistakes such as 40013 invalid appid / 40125 invalid secret) is WECHAT_UNAVAILABLE:
 * the user can do nothing about it, and the errcode stays on the WechatApiError for the log.
 */
const errorCodeByErrcode: ReadonlyMap<number, ErrorCode> = new Map<number, ErrorCode>([
  [WechatErrcode.BUSY, ErrorCode.WECHAT_BUSY],
  [WechatErrcode.CODE_INVALID, ErrorCode.WECHAT_CODE_INVALID],
  [WechatErrcode.CODE_USED, ErrorCode.WECHAT_CODE_USED],
  [WechatErrcode.RISKY_USER, ErrorCode.WECHAT_RISKY_USER],
  [WechatErrcode.RATE_LIMITED, ErrorCode.WECHAT_RATE_LIMITED],
]);

export function errorCodeForErrcode(errcode: number | null): ErrorCode {
  return (errcode === null ? undefined : errorCodeByErrcode.get(errcode)) ?? ErrorCode.WECHAT_UNAVAILABLE;
}
