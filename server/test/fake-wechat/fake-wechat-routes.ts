import { wechatError, type WechatErrorBody } from './fake-wechat-errors.js';
import { fakeWxacodePng } from './fake-wechat-image.js';
import type { FakeWechatEndpoint, FakeWechatState } from './fake-wechat-state.js';

/** An answer that is not JSON (getwxacodeunlimit's image). */
export class FakeBinaryAnswer {
  constructor(
    readonly contentType: string,
    readonly bytes: Buffer,
  ) {}
}

export interface FakeRequest {
  query: Record<string, string>;
  /** The JSON body of a POST (the router answers 47001 when it is not a JSON object). */
  body: Record<string, unknown>;
}

/**
 * One WeChat API. `check` rejects what WeChat rejects before doing any work (credentials, missing
 * fields) and runs before scripted failures, so a test that scripts -1 still catches a malformed call.
 */
export interface FakeRoute {
  endpoint: FakeWechatEndpoint;
  method: 'GET' | 'POST';
  path: string;
  /** WeChat labels some JSON answers text/plain (node-webot/wechat-api#204): the client must not care. */
  contentType: string;
  check(request: FakeRequest, state: FakeWechatState): WechatErrorBody | null;
  answer(request: FakeRequest, state: FakeWechatState): object | FakeBinaryAnswer;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function checkCredentials(appid: unknown, secret: unknown, state: FakeWechatState): WechatErrorBody | null {
  if (!appid) return wechatError(41002);
  if (appid !== state.appId) return wechatError(40013);
  if (!secret) return wechatError(41004);
  if (secret !== state.secret) return wechatError(40125);
  return null;
}

function checkAccessToken(request: FakeRequest, state: FakeWechatState): WechatErrorBody | null {
  const check = state.checkAccessToken(request.query.access_token);
  if (check === 'missing') return wechatError(41001);
  if (check === 'invalid') return wechatError(40001);
  if (check === 'expired') return wechatError(42001);
  return null;
}

const jscode2session: FakeRoute = {
  endpoint: 'jscode2session',
  method: 'GET',
  path: '/sns/jscode2session',
  contentType: 'text/plain',
  check({ query }, state) {
    const credentials = checkCredentials(query.appid, query.secret, state);
    if (credentials) return credentials;
    if (query.grant_type !== 'authorization_code') return wechatError(40002);
    if (!query.js_code) return wechatError(41008);
    return null;
  },
  answer({ query }, state) {
    const issued = state.redeemCode(query.js_code);
    if (issued === 'unknown') return wechatError(40029);
    if (issued === 'used') return wechatError(40163);
    return { session_key: issued.sessionKey, openid: issued.openid, ...(issued.unionid ? { unionid: issued.unionid } : {}) };
  },
};

const stableToken: FakeRoute = {
  endpoint: 'stable_token',
  method: 'POST',
  path: '/cgi-bin/stable_token',
  contentType: JSON_TYPE,
  check({ body }, state) {
    if (body.grant_type !== 'client_credential') return wechatError(40002);
    if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') return wechatError(47001);
    return checkCredentials(body.appid, body.secret, state);
  },
  answer({ body }, state) {
    const { token, expiresInSeconds } = state.stableToken(body.force_refresh === true);
    return { access_token: token, expires_in: expiresInSeconds };
  },
};

/** The smallest real API that needs an access token: lets tests exercise token rejection. */
const getcallbackip: FakeRoute = {
  endpoint: 'getcallbackip',
  method: 'GET',
  path: '/cgi-bin/getcallbackip',
  contentType: JSON_TYPE,
  check: checkAccessToken,
  answer: () => ({ ip_list: ['101.226.62.77', '101.226.62.78'] }),
};

/** WeChat's subscribe-message field rules, by the key's prefix (thing1 -> thing). */
const fieldRules: Record<string, (value: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  number: (v) => v.length <= 32 && /^[0-9.]+$/.test(v),
  letter: (v) => v.length <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => v.length <= 5 && /^[^0-9A-Za-z\u4e00-\u9fa5]+$/.test(v),
  character_string: (v) => v.length <= 32 && /^[\x21-\x7e]+$/.test(v),
  time: (v) => /^(\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*)?\d{1,2}:\d{2}(:\d{2})?$/.test(v),
  date: (v) => /^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(\s*\d{1,2}:\d{2}(:\d{2})?)?$/.test(v),
  amount: (v) => /^[¥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => v.length <= 17 && /^[0-9+\- ()]+$/.test(v),
  car_number: (v) => [...v].length <= 8,
  name: (v) => (/^[A-Za-z ]+$/.test(v) ? v.length <= 20 : [...v].length <= 10),
  phrase: (v) => [...v].length <= 5 && /^[\u4e00-\u9fa5]+$/.test(v),
};

function fieldValid(key: string, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const text = (value as { value?: unknown }).value;
  if (typeof text !== 'string' || text.trim() === '') return false;
  const rule = fieldRules[key.replace(/\d+$/, '')];
  return rule ? rule(text) : false;
}

/** The page part of 'packages/activity/detail?id=3'. */
function pagePath(page: string): string {
  return page.split('?')[0];
}

const subscribeSend: FakeRoute = {
  endpoint: 'subscribe_send',
  method: 'POST',
  path: '/cgi-bin/message/subscribe/send',
  contentType: JSON_TYPE,
  check(request, state) {
    const { body } = request;
    const token = checkAccessToken(request, state);
    if (token) return token;
    if (typeof body.touser !== 'string' || state.userActivity(body.touser) === 'unknown') return wechatError(40003);
    const template = typeof body.template_id === 'string' ? state.template(body.template_id) : undefined;
    if (!template) return wechatError(40037);
    if (body.page !== undefined && (typeof body.page !== 'string' || !state.isReleased(pagePath(body.page)))) {
      return wechatError(41030);
    }
    const state_ = body.miniprogram_state;
    if (state_ !== undefined && state_ !== 'developer' && state_ !== 'trial' && state_ !== 'formal') {
      return wechatError(40097);
    }
    const data = body.data;
    if (typeof data !== 'object' || data === null) return wechatError(47003);
    const fields = data as Record<string, unknown>;
    if (!template.fields.every((key) => fieldValid(key, fields[key]))) return wechatError(47003);
    return null;
  },
  answer({ body }, state) {
    const touser = body.touser as string;
    const templateId = body.template_id as string;
    if (!state.spendSubscription(touser, templateId)) return wechatError(43101);
    const fields = body.data as Record<string, { value: string }>;
    state.deliver({
      touser,
      templateId,
      page: typeof body.page === 'string' ? body.page : '',
      data: Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.value])),
      miniprogramState: typeof body.miniprogram_state === 'string' ? body.miniprogram_state : 'formal',
    });
    return { errcode: 0, errmsg: 'ok', msgid: Math.floor(Math.random() * 2 ** 40) };
  },
};

const msgSecCheck: FakeRoute = {
  endpoint: 'msg_sec_check',
  method: 'POST',
  path: '/wxa/msg_sec_check',
  contentType: JSON_TYPE,
  check(request, state) {
    const { body } = request;
    const token = checkAccessToken(request, state);
    if (token) return token;
    if (body.version !== 2) return wechatError(40097);
    if (typeof body.openid !== 'string') return wechatError(40003);
    const activity = state.userActivity(body.openid);
    if (activity === 'unknown') return wechatError(40003);
    if (activity === 'inactive') return wechatError(61010);
    if (![1, 2, 3, 4].includes(body.scene as number)) return wechatError(40097);
    if (typeof body.content !== 'string' || body.content === '' || [...body.content].length > 2500) {
      return wechatError(40097);
    }
    return null;
  },
  answer({ body }, state) {
    const { suggest, label, keyword } = state.checkContent(body.content as string);
    return {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 },
        ...(keyword ? [{ strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword }] : []),
      ],
      trace_id: `trace_${Date.now().toString(36)}`,
    };
  },
};

const WXACODE_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

const getwxacodeunlimit: FakeRoute = {
  endpoint: 'getwxacodeunlimit',
  method: 'POST',
  path: '/wxa/getwxacodeunlimit',
  contentType: JSON_TYPE,
  check(request, state) {
    const { body } = request;
    const token = checkAccessToken(request, state);
    if (token) return token;
    if (typeof body.scene !== 'string' || !WXACODE_SCENE.test(body.scene)) return wechatError(40129);
    const env = body.env_version ?? 'release';
    if (env !== 'release' && env !== 'trial' && env !== 'develop') return wechatError(40097);
    if (body.page !== undefined) {
      if (typeof body.page !== 'string' || body.page.startsWith('/')) return wechatError(41030);
      if (body.check_path !== false && !state.isReleased(body.page)) return wechatError(41030);
    }
    if (body.width !== undefined && typeof body.width !== 'number') return wechatError(40097);
    return null;
  },
  answer({ body }) {
    // WeChat clamps the width into 280..1280.
    const width = Math.min(1280, Math.max(280, typeof body.width === 'number' ? Math.round(body.width) : 430));
    const png = fakeWxacodePng({
      scene: body.scene as string,
      page: typeof body.page === 'string' ? body.page : '',
      envVersion: typeof body.env_version === 'string' ? body.env_version : 'release',
      width,
    });
    return new FakeBinaryAnswer('image/png', png);
  },
};

const getuserphonenumber: FakeRoute = {
  endpoint: 'getuserphonenumber',
  method: 'POST',
  path: '/wxa/business/getuserphonenumber',
  contentType: JSON_TYPE,
  check(request, state) {
    const token = checkAccessToken(request, state);
    if (token) return token;
    if (typeof request.body.code !== 'string' || request.body.code === '') return wechatError(41008);
    return null;
  },
  answer({ body }, state) {
    const issued = state.redeemPhoneCode(body.code as string);
    if (issued === 'unknown') return wechatError(40029);
    if (issued === 'used') return wechatError(40163);
    const { phoneNumber, countryCode } = issued;
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: countryCode === '86' ? phoneNumber : `+${countryCode}${phoneNumber}`,
        purePhoneNumber: phoneNumber,
        countryCode,
        watermark: { timestamp: Math.floor(Date.now() / 1000), appid: state.appId },
      },
    };
  },
};

/** Routed by path; each further WeChat API the server calls is one more entry. */
export const fakeRoutes: readonly FakeRoute[] = [
  jscode2session,
  stableToken,
  getcallbackip,
  subscribeSend,
  msgSecCheck,
  getwxacodeunlimit,
  getuserphonenumber,
];
