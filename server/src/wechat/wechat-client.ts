import { AccessTokenCache, type IssuedAccessToken } from './access-token-cache.js';
import { WechatApiError } from './wechat-api-error.js';
import { resolveWechatConfig, type ResolvedWechatConfig, type WechatClientConfig } from './wechat-config.js';
import { WechatErrcode } from './wechat-errcodes.js';
import { WechatHttp, type WechatAnswer } from './wechat-http.js';

/** Who logged in. sessionKey must never leave the server, nor reach a log. */
export interface WechatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

/**
 * The mini-program's server-side WeChat APIs. Every method throws WechatApiError on failure;
 * its `code` is the API error code to answer with.
 */
export class WechatClient {
  private readonly config: ResolvedWechatConfig;
  private readonly http: WechatHttp;
  private readonly accessTokens: AccessTokenCache;

  constructor(config: WechatClientConfig) {
    this.config = resolveWechatConfig(config);
    this.http = new WechatHttp(this.config);
    this.accessTokens = new AccessTokenCache((force) => this.fetchStableToken(force), this.config.now);
  }

  /** Exchanges the code from `wx.login` for the user's openid (once per code, within 5 minutes). */
  async code2Session(jsCode: string): Promise<WechatSession> {
    const api = 'jscode2session';
    const answer = await this.http.call({
      api,
      method: 'GET',
      path: '/sns/jscode2session',
      query: {
        appid: this.config.appId,
        secret: this.config.secret,
        js_code: jsCode,
        grant_type: 'authorization_code',
      },
    });
    const openid = stringField(answer, 'openid');
    const sessionKey = stringField(answer, 'session_key');
    if (!openid || !sessionKey) throw badAnswer(api, 'answer lacks openid or session_key');
    const unionid = stringField(answer, 'unionid');
    return unionid ? { openid, unionid, sessionKey } : { openid, sessionKey };
  }

  /** The app's access token, from the cache when it is fresh. */
  getAccessToken(): Promise<string> {
    return this.accessTokens.get();
  }

  /**
   * Runs a call that needs the access token. If WeChat rejects the token (invalid or expired), forces
   * one refresh and retries once: a token can be revoked before its expiry.
   */
  async withAccessToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.accessTokens.get();
    try {
      return await call(token);
    } catch (error) {
      if (!isRejectedToken(error)) throw error;
      return call(await this.accessTokens.replace(token));
    }
  }

  private async fetchStableToken(forceRefresh: boolean): Promise<IssuedAccessToken> {
    const api = 'stable_token';
    const answer = await this.http.call({
      api,
      method: 'POST',
      path: '/cgi-bin/stable_token',
      body: {
        grant_type: 'client_credential',
        appid: this.config.appId,
        secret: this.config.secret,
        // Sent only when true: force refreshes are limited (20 a day, 30 s apart).
        ...(forceRefresh ? { force_refresh: true } : {}),
      },
    });
    const token = stringField(answer, 'access_token');
    const expiresInSeconds = answer.expires_in;
    if (!token || typeof expiresInSeconds !== 'number' || expiresInSeconds <= 0) {
      throw badAnswer(api, 'answer lacks access_token or expires_in');
    }
    return { token, expiresInSeconds };
  }
}

function isRejectedToken(error: unknown): boolean {
  return (
    error instanceof WechatApiError &&
    (error.errcode === WechatErrcode.ACCESS_TOKEN_INVALID || error.errcode === WechatErrcode.ACCESS_TOKEN_EXPIRED)
  );
}

function stringField(answer: WechatAnswer, name: string): string | undefined {
  const value = answer[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The message names the missing fields only: the answer itself may hold a session_key. */
function badAnswer(api: string, errmsg: string): WechatApiError {
  return new WechatApiError({ api, failure: 'bad_response', errmsg });
}
