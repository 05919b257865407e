import { ErrorCode } from '@linli/shared';
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

/** Which build of the mini-program a notification or code opens. */
export type MiniprogramState = 'developer' | 'trial' | 'formal';
export type WxacodeEnvVersion = 'develop' | 'trial' | 'release';

export interface SubscribeMessage {
  /** The recipient's openid. */
  touser: string;
  templateId: string;
  /** Page the notification opens, with query, e.g. 'packages/activity/detail?id=3'. */
  page: string;
  /** Template fields by key, e.g. { thing1: '社区义诊', time2: '2026-03-01 09:00' }. Limits are the caller's. */
  data: Record<string, string>;
  /** Defaults to 'formal' (the released build). */
  miniprogramState?: MiniprogramState;
}

/**
 * Content-check scenes: 1 profile (nickname...), 2 comment, 3 forum post, 4 social log.
 */
export type MsgSecCheckScene = 1 | 2 | 3 | 4;

export interface MsgSecCheckRequest {
  /** The author, who must have opened the mini-program within the last 2 hours. */
  openid: string;
  scene: MsgSecCheckScene;
  /** Longer text than WeChat's 2500 characters is checked in parts. */
  content: string;
}

export type MsgSecCheckSuggest = 'pass' | 'review' | 'risky';

export interface MsgSecCheckResult {
  suggest: MsgSecCheckSuggest;
  /** 100 normal; 10001 ads, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar, 20013 copyright, 21000 other. */
  label: number;
}

export interface UnlimitedQrCodeRequest {
  /** At most 32 characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]; the page reads it as `scene`. */
  scene: string;
  /** Page path without a leading '/', e.g. 'packages/activity/checkin'. */
  page: string;
  /** 280-1280 px; WeChat's default is 430. */
  width?: number;
  /** false lets an unreleased page be encoded (trial and developer builds). Defaults to true. */
  checkPath?: boolean;
  /** Defaults to 'release'. */
  envVersion?: WxacodeEnvVersion;
}

export interface PhoneNumber {
  /** With the country code for numbers outside mainland China. */
  phoneNumber: string;
  /** Without the country code. */
  purePhoneNumber: string;
  countryCode: string;
}

/** msg_sec_check's limit on content, in characters. */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;
const SUGGEST_RANK: Record<MsgSecCheckSuggest, number> = { pass: 0, review: 1, risky: 2 };

/** WeChat's scene rule for getwxacodeunlimit. */
export const WXACODE_SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

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
    this.accessTokens = new AccessTokenCache(
      (force) => this.fetchStableToken(force),
      this.config.now,
      this.config.tokenStore,
    );
  }

  /** Closes the shared token store's connection, if any. Nest calls this on shutdown. */
  async onModuleDestroy(): Promise<void> {
    await this.config.tokenStore?.close();
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

  /**
   * Sends a one-time subscribe message. The recipient must have accepted the template and not yet
   * used that acceptance (else 43101, WECHAT_SUBSCRIBE_REFUSED). WeChat takes no idempotency key, so a
   * lost connection or a timeout is not retried here (failure 'dropped' or 'timeout': it may have gone).
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]));
    await this.withAccessToken((accessToken) =>
      this.http.call({
        api: 'subscribe_send',
        method: 'POST',
        path: '/cgi-bin/message/subscribe/send',
        once: true,
        query: { access_token: accessToken },
        body: {
          touser: message.touser,
          template_id: message.templateId,
          page: message.page,
          data,
          miniprogram_state: message.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        },
      }),
    );
  }

  /**
   * Checks user-written text (msg_sec_check v2). 'review' and 'risky' are answers, not errors.
   * Text longer than WeChat's 2500 characters is checked in parts; the worst verdict wins.
   */
  async msgSecCheck(request: MsgSecCheckRequest): Promise<MsgSecCheckResult> {
    const characters = [...request.content];
    if (characters.length <= MSG_SEC_CHECK_MAX_CHARS) return this.msgSecCheckPart(request);
    let worst: MsgSecCheckResult = { suggest: 'pass', label: 100 };
    for (let start = 0; start < characters.length; start += MSG_SEC_CHECK_MAX_CHARS) {
      const content = characters.slice(start, start + MSG_SEC_CHECK_MAX_CHARS).join('');
      const result = await this.msgSecCheckPart({ ...request, content });
      if (SUGGEST_RANK[result.suggest] > SUGGEST_RANK[worst.suggest]) worst = result;
      if (worst.suggest === 'risky') break;
    }
    return worst;
  }

  private async msgSecCheckPart(request: MsgSecCheckRequest): Promise<MsgSecCheckResult> {
    const api = 'msg_sec_check';
    const answer = await this.withAccessToken((accessToken) =>
      this.http.call({
        api,
        method: 'POST',
        path: '/wxa/msg_sec_check',
        query: { access_token: accessToken },
        body: { version: 2, openid: request.openid, scene: request.scene, content: request.content },
      }),
    );
    const result = answer.result as { suggest?: unknown; label?: unknown } | undefined;
    const suggest = result?.suggest;
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') {
      throw badAnswer(api, 'answer lacks result.suggest');
    }
    const label = typeof result?.label === 'number' ? result.label : Number(result?.label);
    if (!Number.isInteger(label)) throw badAnswer(api, 'answer lacks result.label');
    return { suggest, label };
  }

  /** A mini-program code (PNG/JPEG bytes) that opens `page` with `scene`. Unlimited in number. */
  async getUnlimitedQrCode(request: UnlimitedQrCodeRequest): Promise<Buffer> {
    const api = 'getwxacodeunlimit';
    // Checked here: WeChat's answer to a bad scene (40129) does not say what was wrong.
    if (!WXACODE_SCENE_PATTERN.test(request.scene)) {
      throw new WechatApiError({
        api,
        failure: 'invalid_request',
        errmsg: 'scene must be 1-32 allowed characters',
        code: ErrorCode.WECHAT_SCENE_INVALID,
      });
    }
    return this.withAccessToken((accessToken) =>
      this.http.callForImage({
        api,
        method: 'POST',
        path: '/wxa/getwxacodeunlimit',
        query: { access_token: accessToken },
        body: {
          scene: request.scene,
          page: request.page.replace(/^\/+/, ''),
          check_path: request.checkPath ?? true,
          env_version: request.envVersion ?? 'release',
          ...(request.width === undefined ? {} : { width: request.width }),
        },
      }),
    );
  }

  /** Exchanges the code from `<Button openType="getPhoneNumber">` (once, within 5 minutes) for the number. */
  async getPhoneNumber(code: string): Promise<PhoneNumber> {
    const api = 'getuserphonenumber';
    const answer = await this.withAccessToken((accessToken) =>
      this.http.call({
        api,
        method: 'POST',
        path: '/wxa/business/getuserphonenumber',
        query: { access_token: accessToken },
        body: { code },
      }),
    );
    const info = (answer.phone_info ?? {}) as WechatAnswer;
    const phoneNumber = stringField(info, 'phoneNumber');
    const purePhoneNumber = stringField(info, 'purePhoneNumber');
    const countryCode = stringField(info, 'countryCode') ?? (typeof info.countryCode === 'number' ? String(info.countryCode) : undefined);
    if (!phoneNumber || !purePhoneNumber || !countryCode) throw badAnswer(api, 'answer lacks phone_info');
    return { phoneNumber, purePhoneNumber, countryCode };
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
