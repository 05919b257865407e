import type { ErrorCode } from '@linli/shared';
import { errorCodeForErrcode } from './wechat-errcodes.js';

/**
 * How a call failed: WeChat answered with an errcode, the attempt timed out, no connection could be made
 * (network: nothing reached WeChat), the connection was lost once made (dropped: the request may have
 * reached WeChat), or the answer was not what the API promises (HTTP error, not JSON, fields missing); or
 * the client refused to send a request WeChat would reject (invalid_request, with `code` given).
 */
export type WechatFailure = 'errcode' | 'timeout' | 'network' | 'dropped' | 'bad_response' | 'invalid_request';

export interface WechatApiErrorInit {
  /** Short API name, e.g. 'jscode2session'. */
  api: string;
  failure: WechatFailure;
  /** WeChat's errcode; null when WeChat gave none (timeout, network, bad answer). */
  errcode?: number | null;
  /** WeChat's errmsg or our description; never holds the secret, a session_key or a URL. */
  errmsg: string;
  /** Overrides the code mapped from the errcode; for invalid_request. */
  code?: ErrorCode;
}

/** A failed WeChat call. `code` is the API error code the service boundary answers with. */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  readonly api: string;
  readonly failure: WechatFailure;
  readonly errcode: number | null;
  readonly errmsg: string;
  readonly code: ErrorCode;

  constructor(init: WechatApiErrorInit) {
    const errcode = init.errcode ?? null;
    super(`WeChat ${init.api} failed (${errcode ?? init.failure}): ${init.errmsg}`);
    this.api = init.api;
    this.failure = init.failure;
    this.errcode = errcode;
    this.errmsg = init.errmsg;
    this.code = init.code ?? errorCodeForErrcode(errcode, init.api);
  }
}
