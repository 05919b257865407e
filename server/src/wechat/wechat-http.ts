import { setTimeout as sleep } from 'node:timers/promises';
import { WechatApiError, type WechatFailure } from './wechat-api-error.js';
import type { ResolvedWechatConfig } from './wechat-config.js';
import { WechatErrcode } from './wechat-errcodes.js';

export interface WechatRequest {
  /** Short API name for errors and logs, e.g. 'jscode2session'. */
  api: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  /** Sent as JSON. */
  body?: Record<string, unknown>;
  /**
   * The request has an effect WeChat does not deduplicate (a subscribe message is delivered again): it is
   * repeated only when the attempt provably never reached WeChat (no connection, or an errcode answer).
   */
  once?: boolean;
}

export type WechatAnswer = Record<string, unknown>;

/**
 * Calls one WeChat JSON API: timeout per attempt, retries with exponential backoff on busy (-1)
 * and network failures, errcode answers turned into WechatApiError. Errors never carry the answer
 * body (it may hold a session_key), and the secret (jscode2session puts it in the query string) is
 * redacted from any text they do carry.
 */
export class WechatHttp {
  constructor(private readonly config: ResolvedWechatConfig) {}

  /** A JSON API: the answer object, once its errcode is 0 or absent. */
  call(request: WechatRequest): Promise<WechatAnswer> {
    return this.withRetries(request, async () => {
      const { bytes } = await this.exchange(request);
      return this.interpretJson(request, bytes.toString('utf8'));
    });
  }

  /**
   * An API that answers with image bytes on success and a JSON errcode object on failure
   * (getwxacodeunlimit). JSON is told apart by content-type, and by a leading '{' in case WeChat
   * labels it wrongly: PNG and JPEG bytes never start with '{'.
   */
  callForImage(request: WechatRequest): Promise<Buffer> {
    return this.withRetries(request, async () => {
      const { bytes, contentType } = await this.exchange(request);
      if (contentType.includes('json') || bytes[0] === 0x7b) {
        this.interpretJson(request, bytes.toString('utf8'));
        throw this.fail(request, 'bad_response', 'answer is JSON without an errcode, not an image');
      }
      if (!isImage(bytes)) throw this.fail(request, 'bad_response', `answer is not an image (${bytes.length} bytes)`);
      return bytes;
    });
  }

  private async withRetries<T>(request: WechatRequest, attempt: () => Promise<T>): Promise<T> {
    for (let index = 0; ; index += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (!isTransient(error, request) || index >= this.config.retries) throw error;
        await sleep(this.config.retryBaseDelayMs * 2 ** index);
      }
    }
  }

  private fail(request: WechatRequest, failure: WechatFailure, errmsg: string, errcode?: number): WechatApiError {
    return new WechatApiError({ api: request.api, failure, errcode, errmsg: this.redact(errmsg) });
  }

  /** One HTTP exchange: the body bytes of a 2xx answer, or a timeout / network / HTTP failure. */
  private async exchange(request: WechatRequest): Promise<{ bytes: Buffer; contentType: string }> {
    const signal = AbortSignal.timeout(this.config.timeoutMs);
    let status: number;
    let bytes: Buffer;
    let contentType: string;
    try {
      const response = await fetch(this.url(request), {
        method: request.method,
        headers: request.body ? { 'content-type': 'application/json' } : undefined,
        body: request.body ? JSON.stringify(request.body) : undefined,
        signal,
      });
      status = response.status;
      contentType = (response.headers.get('content-type') ?? '').toLowerCase();
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (signal.aborted) throw this.fail(request, 'timeout', `no answer within ${this.config.timeoutMs} ms`);
      throw this.fail(request, neverConnected(error) ? 'network' : 'dropped', describeNetworkError(error));
    }
    if (status < 200 || status >= 300) throw this.fail(request, 'bad_response', `HTTP ${status}`);
    return { bytes, contentType };
  }

  private interpretJson(request: WechatRequest, text: string): WechatAnswer {
    const fail = (failure: WechatFailure, errmsg: string, errcode?: number) => this.fail(request, failure, errmsg, errcode);
    // Parse the text whatever the content-type: WeChat labels some JSON answers text/plain.
    const answer = parseJsonObject(text);
    if (!answer) throw fail('bad_response', `answer is not a JSON object (${text.length} chars)`);
    const { errcode, errmsg } = answer;
    if (errcode === undefined || errcode === 0) return answer;
    if (typeof errcode !== 'number') throw fail('bad_response', 'errcode is not a number');
    throw fail('errcode', typeof errmsg === 'string' ? errmsg : '', errcode);
  }

  private url(request: WechatRequest): string {
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    return `${this.config.baseUrl}${request.path}${query}`;
  }

  /** Belt and braces: fetch's own messages can quote the URL, and that URL can hold the secret. */
  private redact(text: string): string {
    return text.split(this.config.secret).join('[secret]');
  }
}

/**
 * Worth another attempt: WeChat said busy, no connection could be made, or (unless the request must go
 * once) the connection was lost. Timeouts are not retried: the attempt already spent the caller's time
 * budget, and WeChat may have used the login code meanwhile.
 */
function isTransient(error: unknown, request: WechatRequest): boolean {
  if (!(error instanceof WechatApiError)) return false;
  return error.errcode === WechatErrcode.BUSY || error.failure === 'network' || (error.failure === 'dropped' && !request.once);
}

/**
 * fetch's failures that come before a connection exists (refused, no route, no such host, a certificate
 * refused in the handshake, a bad URL): nothing of the request can have reached WeChat. Anything else
 * (reset, closed, a timeout on an open socket) may have come after WeChat read the request.
 */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function neverConnected(error: unknown): boolean {
  // Duck-typed, like describeNetworkError: the cause carries the system or undici code.
  const code = ((error ?? {}) as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' && NOT_CONNECTED.has(code);
}

function describeNetworkError(error: unknown): string {
  // Duck-typed: fetch's errors come from another realm under jest's VM modules, failing instanceof.
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (typeof message !== 'string') return String(error);
  // undici reports "fetch failed" and puts the reason (ECONNREFUSED, ECONNRESET...) in `cause`.
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? `${message} (${detail})` : message;
}

/** PNG (89 50 4E 47) or JPEG (FF D8 FF) magic bytes. */
function isImage(bytes: Buffer): boolean {
  const png = bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}

function parseJsonObject(text: string): WechatAnswer | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as WechatAnswer) : null;
  } catch {
    return null;
  }
}
