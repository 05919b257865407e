import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { ErrorCode } from '@linli/shared';
import { startFakeWechat, type FakeWechat } from '../../test/fake-wechat/fake-wechat-server.js';
import { WechatApiError } from './wechat-api-error.js';
import { WechatClient } from './wechat-client.js';
import { resolveWechatConfig, type WechatClientConfig } from './wechat-config.js';
import { WechatHttp } from './wechat-http.js';

const APP_ID = 'wx0123456789abcdef';
const SECRET = 'secret-5b1e0c9d7a3f4e2b8c6d';

let fake: FakeWechat;

beforeEach(async () => {
  fake = await startFakeWechat({ appId: APP_ID, secret: SECRET });
});

afterEach(async () => {
  await fake.close();
});

function config(overrides: Partial<WechatClientConfig> = {}): WechatClientConfig {
  return { appId: APP_ID, secret: SECRET, baseUrl: fake.baseUrl, timeoutMs: 2000, retryBaseDelayMs: 1, ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<WechatApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WechatApiError) return error;
    throw error;
  }
  throw new Error('expected a WechatApiError, but the call succeeded');
}

/** Everything a log line or an API answer could show of an error. */
function allTextOf(error: Error): string {
  return [String(error), error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 5 })].join('\n');
}

async function unusedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('code2Session', () => {
  it('exchanges a login code for the openid, unionid and session key', async () => {
    const code = fake.issueCode('o-resident-1', { unionid: 'u-resident-1', sessionKey: 'sk-abc' });

    const session = await new WechatClient(config()).code2Session(code);

    expect(session).toEqual({ openid: 'o-resident-1', unionid: 'u-resident-1', sessionKey: 'sk-abc' });
    const [request] = fake.requests('jscode2session');
    expect(request.method).toBe('GET');
    expect(request.query).toEqual({
      appid: APP_ID,
      secret: SECRET,
      js_code: code,
      grant_type: 'authorization_code',
    });
  });

  it('leaves unionid out when WeChat gives none', async () => {
    const session = await new WechatClient(config()).code2Session(fake.issueCode('o-resident-2'));

    expect(session).toEqual({ openid: 'o-resident-2', sessionKey: expect.any(String) });
    expect(session).not.toHaveProperty('unionid');
  });

  it('maps an unknown code (40029) to WECHAT_CODE_INVALID', async () => {
    const error = await failure(new WechatClient(config()).code2Session('never-issued'));

    expect(error).toMatchObject({ api: 'jscode2session', errcode: 40029, code: ErrorCode.WECHAT_CODE_INVALID });
  });

  it('maps a code used twice (40163) to WECHAT_CODE_USED', async () => {
    const client = new WechatClient(config());
    const code = fake.issueCode('o-resident-3');
    await client.code2Session(code);

    const error = await failure(client.code2Session(code));

    expect(error).toMatchObject({ errcode: 40163, code: ErrorCode.WECHAT_CODE_USED });
  });

  it.each([
    [45011, ErrorCode.WECHAT_RATE_LIMITED],
    [40226, ErrorCode.WECHAT_RISKY_USER],
  ])('maps errcode %i to %s without retrying', async (errcode, code) => {
    fake.failNext('jscode2session', errcode);

    const error = await failure(new WechatClient(config()).code2Session(fake.issueCode('o-resident-4')));

    expect(error).toMatchObject({ failure: 'errcode', errcode, code });
    expect(error.errmsg).toMatch(/rid:/);
    expect(fake.requests('jscode2session')).toHaveLength(1);
  });

  it('retries a busy WeChat (-1) and succeeds when it recovers', async () => {
    fake.failNext('jscode2session', -1, 2);

    const session = await new WechatClient(config({ retries: 2 })).code2Session(fake.issueCode('o-resident-5'));

    expect(session.openid).toBe('o-resident-5');
    expect(fake.requests('jscode2session')).toHaveLength(3);
  });

  it('gives up with WECHAT_BUSY after the retries, backing off exponentially', async () => {
    fake.failNext('jscode2session', -1, 3);
    const started = Date.now();

    const error = await failure(
      new WechatClient(config({ retries: 2, retryBaseDelayMs: 40 })).code2Session(fake.issueCode('o-resident-6')),
    );

    expect(error).toMatchObject({ errcode: -1, code: ErrorCode.WECHAT_BUSY });
    expect(fake.requests('jscode2session')).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40 + 80);
  });

  it('answers WECHAT_UNAVAILABLE when WeChat does not answer in time, without retrying', async () => {
    fake.delayNext('jscode2session', 1000);

    const error = await failure(
      new WechatClient(config({ timeoutMs: 100 })).code2Session(fake.issueCode('o-resident-7')),
    );

    expect(error).toMatchObject({ failure: 'timeout', errcode: null, code: ErrorCode.WECHAT_UNAVAILABLE });
    expect(fake.requests('jscode2session')).toHaveLength(1);
  });

  it('answers WECHAT_UNAVAILABLE when the connection is refused', async () => {
    const baseUrl = `http://127.0.0.1:${await unusedLoopbackPort()}`;

    const error = await failure(new WechatClient(config({ baseUrl })).code2Session('any-code'));

    expect(error).toMatchObject({ failure: 'network', code: ErrorCode.WECHAT_UNAVAILABLE });
    expect(error.errmsg).toContain('ECONNREFUSED');
  });

  it('retries a dropped connection', async () => {
    fake.dropNext('jscode2session', 2);

    const session = await new WechatClient(config({ retries: 2 })).code2Session(fake.issueCode('o-resident-8'));

    expect(session.openid).toBe('o-resident-8');
    expect(fake.requests('jscode2session')).toHaveLength(3);
  });

  it.each([
    ['an HTTP error page', { status: 502, body: '<html>Bad Gateway</html>' }],
    ['a body that is not JSON', { status: 200, body: '<html>maintenance</html>' }],
    ['JSON without openid', { status: 200, body: '{"session_key":"sk"}', contentType: 'application/json' }],
  ])('answers WECHAT_UNAVAILABLE for %s, without retrying', async (_, reply) => {
    fake.replyRawNext('jscode2session', reply);

    const error = await failure(new WechatClient(config()).code2Session(fake.issueCode('o-resident-9')));

    expect(error).toMatchObject({ failure: 'bad_response', code: ErrorCode.WECHAT_UNAVAILABLE });
    expect(fake.requests('jscode2session')).toHaveLength(1);
  });

  it('answers WECHAT_UNAVAILABLE when the app secret is wrong (40125)', async () => {
    const error = await failure(
      new WechatClient(config({ secret: 'not-the-secret' })).code2Session(fake.issueCode('o-resident-10')),
    );

    expect(error).toMatchObject({ errcode: 40125, code: ErrorCode.WECHAT_UNAVAILABLE });
  });
});

describe('secrets in errors', () => {
  it('never shows the app secret or a session_key, whatever went wrong', async () => {
    const wrongSecret = 'wrong-secret-9e8d7c6b5a4f';
    const sessionKey = 'SESSION-KEY-tQ2nR8vX';
    const refusedUrl = `http://127.0.0.1:${await unusedLoopbackPort()}`;
    fake.delayNext('jscode2session', 1000);
    fake.replyRawNext('jscode2session', { body: `{"session_key":"${sessionKey}","openid":` });
    fake.replyRawNext('jscode2session', { body: JSON.stringify({ session_key: sessionKey }) });
    const client = new WechatClient(config());

    const errors = [
      await failure(new WechatClient(config({ timeoutMs: 100 })).code2Session('timed-out')),
      await failure(client.code2Session('broken-json')),
      await failure(client.code2Session('no-openid')),
      await failure(new WechatClient(config({ secret: wrongSecret })).code2Session('wrong-secret')),
      await failure(new WechatClient(config({ baseUrl: refusedUrl })).code2Session('refused')),
      // fetch quotes the whole URL, query string and all, when it cannot parse it.
      await failure(new WechatClient(config({ baseUrl: 'http://bad host' })).code2Session('bad-url')),
      await failure(new WechatClient(config({ secret: wrongSecret })).getAccessToken()),
    ];

    for (const error of errors) {
      const text = allTextOf(error);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(wrongSecret);
      expect(text).not.toContain(sessionKey);
    }
    expect(errors.map((error) => error.failure)).toEqual([
      'timeout',
      'bad_response',
      'bad_response',
      'errcode',
      'network',
      'network',
      'errcode',
    ]);
  });
});

describe('access token', () => {
  it('fetches a stable token once and serves it from the cache', async () => {
    const client = new WechatClient(config());

    const first = await client.getAccessToken();
    const second = await client.getAccessToken();

    expect(second).toBe(first);
    expect(first).toBe(fake.currentAccessToken());
    const requests = fake.requests('stable_token');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      body: { grant_type: 'client_credential', appid: APP_ID, secret: SECRET },
    });
    expect(requests[0].body).not.toHaveProperty('force_refresh');
  });

  it('makes one request for 20 concurrent callers', async () => {
    const client = new WechatClient(config());

    const tokens = await Promise.all(Array.from({ length: 20 }, () => client.getAccessToken()));

    expect(new Set(tokens).size).toBe(1);
    expect(fake.requests('stable_token')).toHaveLength(1);
  });

  it('refreshes five minutes before the token expires', async () => {
    let now = Date.now();
    const client = new WechatClient(config({ now: () => now }));
    await client.getAccessToken();

    now += (7200 - 300 - 1) * 1000;
    await client.getAccessToken();
    expect(fake.requests('stable_token')).toHaveLength(1);

    now += 2000;
    await client.getAccessToken();
    expect(fake.requests('stable_token')).toHaveLength(2);
  });

  it('keeps using the cached token if refreshing fails before it expires', async () => {
    let now = Date.now();
    const client = new WechatClient(config({ now: () => now }));
    const token = await client.getAccessToken();
    fake.failNext('stable_token', 45009);

    now += (7200 - 60) * 1000;
    expect(await client.getAccessToken()).toBe(token);

    now += 120 * 1000;
    fake.failNext('stable_token', 45009);
    await expect(client.getAccessToken()).rejects.toMatchObject({ api: 'stable_token', errcode: 45009 });
  });

  it('retries a busy stable_token', async () => {
    fake.failNext('stable_token', -1);

    await new WechatClient(config()).getAccessToken();

    expect(fake.requests('stable_token')).toHaveLength(2);
  });
});

describe('withAccessToken', () => {
  /** A real WeChat call that checks the token, through the client's own transport. */
  function getCallbackIps(token: string) {
    return new WechatHttp(resolveWechatConfig(config())).call({
      api: 'getcallbackip',
      method: 'GET',
      path: '/cgi-bin/getcallbackip',
      query: { access_token: token },
    });
  }

  it('passes the cached token to the call', async () => {
    const client = new WechatClient(config());

    const answer = await client.withAccessToken(getCallbackIps);

    expect(answer).toHaveProperty('ip_list');
    expect(fake.requests('getcallbackip')[0].query.access_token).toBe(fake.currentAccessToken());
  });

  it('on a revoked token (40001) forces exactly one refresh and retries once', async () => {
    const client = new WechatClient(config());
    const revoked = await client.getAccessToken();
    fake.invalidateAccessToken();

    const answer = await client.withAccessToken(getCallbackIps);

    expect(answer).toHaveProperty('ip_list');
    const tokenRequests = fake.requests('stable_token');
    expect(tokenRequests).toHaveLength(2);
    expect(tokenRequests[1].body).toMatchObject({ force_refresh: true });
    const calls = fake.requests('getcallbackip').map((request) => request.query.access_token);
    expect(calls).toEqual([revoked, fake.currentAccessToken()]);
    expect(await client.getAccessToken()).toBe(fake.currentAccessToken());
  });

  it('on an expired token (42001) refreshes and retries once', async () => {
    const client = new WechatClient(config());
    await client.getAccessToken();
    fake.expireAccessToken();

    await client.withAccessToken(getCallbackIps);

    expect(fake.requests('stable_token')).toHaveLength(2);
    expect(fake.requests('getcallbackip')).toHaveLength(2);
  });

  it('gives up after one refresh and one retry if WeChat keeps rejecting the token', async () => {
    const client = new WechatClient(config());
    fake.failNext('getcallbackip', 40001, 5);

    const error = await failure(client.withAccessToken(getCallbackIps));

    expect(error).toMatchObject({ errcode: 40001, code: ErrorCode.WECHAT_UNAVAILABLE });
    expect(fake.requests('getcallbackip')).toHaveLength(2);
    expect(fake.requests('stable_token')).toHaveLength(2);
  });

  it('spends one force refresh when many concurrent calls hit the same revoked token', async () => {
    const client = new WechatClient(config());
    await client.getAccessToken();
    fake.invalidateAccessToken();

    await Promise.all(Array.from({ length: 10 }, () => client.withAccessToken(getCallbackIps)));

    expect(fake.requests('stable_token')).toHaveLength(2);
    expect(fake.requests('getcallbackip')).toHaveLength(20);
  });

  it('does not refresh the token on other errors', async () => {
    const client = new WechatClient(config());
    fake.failNext('getcallbackip', 45009);

    await expect(client.withAccessToken(getCallbackIps)).rejects.toMatchObject({ errcode: 45009 });
    expect(fake.requests('stable_token')).toHaveLength(1);
    expect(fake.requests('getcallbackip')).toHaveLength(1);
  });
});
