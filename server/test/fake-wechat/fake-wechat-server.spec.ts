import { readFakeWxacode, startFakeWechat, type FakeWechat } from './fake-wechat-server.js';

const APP_ID = 'wx-fake-app';
const SECRET = 'fake-secret';

let fake: FakeWechat;

beforeEach(async () => {
  fake = await startFakeWechat({ appId: APP_ID, secret: SECRET });
});

afterEach(async () => {
  await fake.close();
});

async function get(path: string, query: Record<string, string>) {
  const response = await fetch(`${fake.baseUrl}${path}?${new URLSearchParams(query).toString()}`);
  const json = JSON.parse(await response.text()) as Answer;
  return { status: response.status, type: response.headers.get('content-type'), json };
}

/** WeChat answers are loosely typed JSON; tests read fields by name. */
type Answer = Record<string, unknown>;

async function post(path: string, body: string): Promise<Answer> {
  const response = await fetch(`${fake.baseUrl}${path}`, { method: 'POST', body });
  return (await response.json()) as Answer;
}

function login(code: string, overrides: Record<string, string> = {}) {
  return get('/sns/jscode2session', {
    appid: APP_ID,
    secret: SECRET,
    js_code: code,
    grant_type: 'authorization_code',
    ...overrides,
  });
}

describe('fake WeChat', () => {
  it('answers jscode2session like WeChat: JSON labelled text/plain, each code once', async () => {
    const code = fake.issueCode('o-1', { unionid: 'u-1', sessionKey: 'sk-1' });

    const first = await login(code);
    const second = await login(code);

    expect(first).toEqual({
      status: 200,
      type: 'text/plain',
      json: { session_key: 'sk-1', openid: 'o-1', unionid: 'u-1' },
    });
    expect(second.json).toMatchObject({ errcode: 40163, errmsg: expect.stringMatching(/^code been used, rid: /) });
    expect((await login('unknown')).json.errcode).toBe(40029);
  });

  it('checks credentials and shape before any scripted failure', async () => {
    fake.failNext('jscode2session', -1, 10);

    expect((await login('c', { appid: 'wx-other' })).json.errcode).toBe(40013);
    expect((await login('c', { secret: 'other' })).json.errcode).toBe(40125);
    expect((await login('', {})).json.errcode).toBe(41008);
    expect((await login('c', { grant_type: 'client_credential' })).json.errcode).toBe(40002);
    expect((await post('/sns/jscode2session', '{}')).errcode).toBe(43001);
    expect((await login('c')).json.errcode).toBe(-1);
    expect(fake.requests('jscode2session')).toHaveLength(6);
  });

  it('answers stable_token only to a POST with a JSON body and the right credentials', async () => {
    const good = { grant_type: 'client_credential', appid: APP_ID, secret: SECRET };

    expect((await get('/cgi-bin/stable_token', {})).json.errcode).toBe(43002);
    expect((await post('/cgi-bin/stable_token', 'not json')).errcode).toBe(47001);
    expect((await post('/cgi-bin/stable_token', JSON.stringify({ ...good, secret: 'x' }))).errcode).toBe(40125);
    expect(await post('/cgi-bin/stable_token', JSON.stringify(good))).toEqual({
      access_token: fake.currentAccessToken(),
      expires_in: 7200,
    });
    expect(fake.requests('stable_token')[1].body).toBe('not json');
  });

  it('keeps a revoked token until a force refresh, which replaces it', async () => {
    const body = (force?: boolean) =>
      JSON.stringify({ grant_type: 'client_credential', appid: APP_ID, secret: SECRET, force_refresh: force });
    const first = String((await post('/cgi-bin/stable_token', body())).access_token);
    fake.invalidateAccessToken();

    expect((await post('/cgi-bin/stable_token', body(false))).access_token).toBe(first);
    expect((await get('/cgi-bin/getcallbackip', { access_token: first })).json.errcode).toBe(40001);
    const second = String((await post('/cgi-bin/stable_token', body(true))).access_token);

    expect(second).not.toBe(first);
    expect((await get('/cgi-bin/getcallbackip', { access_token: second })).json).toHaveProperty('ip_list');
    expect((await get('/cgi-bin/getcallbackip', {})).json.errcode).toBe(41001);
  });

  it('forgets everything on reset', async () => {
    const code = fake.issueCode('o-2');
    await login(code);
    fake.failNext('jscode2session', 45011);

    fake.reset();

    expect(fake.requests('jscode2session')).toEqual([]);
    expect((await login(code)).json.errcode).toBe(40029);
  });

  it('refuses connections while offline, and answers again on the same address once online', async () => {
    await fake.goOffline();
    const refused = await fetch(`${fake.baseUrl}/cgi-bin/unknown`).catch((error: { cause?: { code?: string } }) => error.cause?.code);
    expect(refused).toBe('ECONNREFUSED');

    await fake.goOnline();
    expect((await fetch(`${fake.baseUrl}/cgi-bin/unknown`)).status).toBe(404);
  });

  it('answers 404 for paths it does not know', async () => {
    const response = await fetch(`${fake.baseUrl}/cgi-bin/unknown`);

    expect(response.status).toBe(404);
  });

  describe('APIs that need an access token', () => {
    let token: string;

    beforeEach(async () => {
      const answer = await post(
        '/cgi-bin/stable_token',
        JSON.stringify({ grant_type: 'client_credential', appid: APP_ID, secret: SECRET }),
      );
      token = String(answer.access_token);
    });

    const call = (path: string, body: object, accessToken = token) =>
      fetch(`${fake.baseUrl}${path}?access_token=${accessToken}`, { method: 'POST', body: JSON.stringify(body) });

    it.each([
      '/cgi-bin/message/subscribe/send',
      '/wxa/msg_sec_check',
      '/wxa/getwxacodeunlimit',
      '/wxa/business/getuserphonenumber',
    ])('%s rejects a revoked token with 40001', async (path) => {
      fake.invalidateAccessToken();

      expect(((await (await call(path, {})).json()) as Answer).errcode).toBe(40001);
    });

    it('delivers a subscribe message once per acceptance', async () => {
      fake.addUser('o-1');
      fake.addTemplate('t-1', { fields: ['thing1'] });
      fake.acceptSubscription('o-1', 't-1');
      const body = { touser: 'o-1', template_id: 't-1', page: 'pages/index/index', data: { thing1: { value: '通知' } } };

      expect(await (await call('/cgi-bin/message/subscribe/send', body)).json()).toMatchObject({ errcode: 0, errmsg: 'ok' });
      expect(((await (await call('/cgi-bin/message/subscribe/send', body)).json()) as Answer).errcode).toBe(43101);
      expect(fake.deliveredMessages()).toEqual([
        { touser: 'o-1', templateId: 't-1', page: 'pages/index/index', data: { thing1: '通知' }, miniprogramState: 'formal' },
      ]);
    });

    it('can deliver a message and then lose the answer, as a connection dropped after the send does', async () => {
      fake.addUser('o-1');
      fake.addTemplate('t-1', { fields: ['thing1'] });
      fake.acceptSubscription('o-1', 't-1', 2);
      fake.loseAnswerNext('subscribe_send');
      const body = { touser: 'o-1', template_id: 't-1', page: 'pages/index/index', data: { thing1: { value: '通知' } } };

      await expect(call('/cgi-bin/message/subscribe/send', body)).rejects.toThrow('fetch failed');
      expect(fake.deliveredMessages()).toHaveLength(1);
      expect(fake.subscriptionsLeft('o-1', 't-1')).toBe(1);
      expect(await (await call('/cgi-bin/message/subscribe/send', body)).json()).toMatchObject({ errcode: 0 });
    });

    it('answers msg_sec_check with result, detail and trace_id', async () => {
      fake.addUser('o-1');
      fake.setContentVerdict('坏词', { suggest: 'risky', label: 20001 });

      const answer = (await (await call('/wxa/msg_sec_check', { version: 2, openid: 'o-1', scene: 3, content: '一个坏词' })).json()) as Answer;

      expect(answer).toMatchObject({
        errcode: 0,
        result: { suggest: 'risky', label: 20001 },
        detail: expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: '坏词' })]),
        trace_id: expect.any(String),
      });
      const v1 = (await (await call('/wxa/msg_sec_check', { openid: 'o-1', content: 'x' })).json()) as Answer;
      expect(v1.errcode).toBe(40097);
    });

    it('answers getwxacodeunlimit with PNG bytes, and JSON on error', async () => {
      const image = await call('/wxa/getwxacodeunlimit', { scene: 'c=1', page: 'pages/index/index', width: 100 });
      const bad = await call('/wxa/getwxacodeunlimit', { scene: 'x'.repeat(33) });

      expect(image.headers.get('content-type')).toBe('image/png');
      expect(readFakeWxacode(Buffer.from(await image.arrayBuffer()))).toEqual({
        scene: 'c=1',
        page: 'pages/index/index',
        envVersion: 'release',
        width: 280,
      });
      expect(((await bad.json()) as Answer).errcode).toBe(40129);
    });

    it('answers getuserphonenumber with phone_info and a watermark, once per code', async () => {
      const code = fake.issuePhoneCode('13800138000');

      const first = (await (await call('/wxa/business/getuserphonenumber', { code })).json()) as Answer;
      const second = (await (await call('/wxa/business/getuserphonenumber', { code })).json()) as Answer;

      expect(first.phone_info).toEqual({
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
        watermark: { timestamp: expect.any(Number), appid: APP_ID },
      });
      expect(second.errcode).toBe(40163);
    });
  });
});
