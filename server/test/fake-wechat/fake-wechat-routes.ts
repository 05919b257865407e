import { wechatError, type WechatErrorBody } from './fake-wechat-errors.js';
import type { FakeWechatEndpoint, FakeWechatState } from './fake-wechat-state.js';

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
  answer(request: FakeRequest, state: FakeWechatState): object;
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

/** Routed by path; each further WeChat API the server calls is one more entry. */
export const fakeRoutes: readonly FakeRoute[] = [jscode2session, stableToken, getcallbackip];
