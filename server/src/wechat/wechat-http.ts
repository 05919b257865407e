import { setTimeout as sleep } from 'node:timers/promises';
import { WechatApiError } from './wechat-api-error.js';
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

  async call(request: WechatRequest): Promise<WechatAnswer> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.attempt(request);
      } catch (error) {
        if (!isTransient(error) || attempt >= this.config.retries) throw error;
        await sleep(this.config.retryBaseDelayMs * 2 ** attempt);
      }
    }
  }

  private async attempt(request: WechatRequest): Promise<WechatAnswer> {
    const fail = (failure: WechatApiError['failure'], errmsg: string, errcode?: number) =>
      new WechatApiError({ api: request.api, failure, errcode, errmsg: this.redact(errmsg) });

    const signal = AbortSignal.timeout(this.config.timeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await fetch(this.url(request), {
        method: request.method,
        headers: request.body ? { 'content-type': 'application/json' } : undefined,
        body: request.body ? JSON.stringify(request.body) : undefined,
        signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw fail('timeout', `no answer within ${this.config.timeoutMs} ms`);
      throw fail('network', describeNetworkError(error));
    }

    if (status < 200 || status >= 300) throw fail('bad_response', `HTTP ${status}`);
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
 * Worth another attempt: WeChat said busy, or the connection failed. Timeouts are not retried: the
 * attempt already spent the caller's time budget, and WeChat may have used the login code meanwhile.
 */
function isTransient(error: unknown): boolean {
  return (
    error instanceof WechatApiError &&
    (error.errcode === WechatErrcode.BUSY || error.failure === 'network')
  );
}

function describeNetworkError(error: unknown): string {
  // Duck-typed: fetch's errors come from another realm under jest's VM modules, failing instanceof.
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (typeof message !== 'string') return String(error);
  // undici reports "fetch failed" and puts the reason (ECONNREFUSED, ECONNRESET...) in `cause`.
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? `${message} (${detail})` : message;
}

function parseJsonObject(text: string): WechatAnswer | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as WechatAnswer) : null;
  } catch {
    return null;
  }
}
