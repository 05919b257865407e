import { ErrorCode } from '@linli/shared';
import { readFakeWxacode, startFakeWechat, type FakeWechat } from '../../test/fake-wechat/fake-wechat-server.js';
import { WechatApiError } from './wechat-api-error.js';
import { WechatClient, type SubscribeMessage } from './wechat-client.js';
import type { WechatClientConfig } from './wechat-config.js';

const APP_ID = 'wx0123456789abcdef';
const SECRET = 'secret-5b1e0c9d7a3f4e2b8c6d';
const TEMPLATE = 'tmpl-signup-result';
const RESIDENT = 'o-resident-1';
const CHECKIN_PAGE = 'packages/activity/checkin';
const DETAIL_PAGE = 'packages/activity/detail';

let fake: FakeWechat;

beforeEach(async () => {
  fake = await startFakeWechat({ appId: APP_ID, secret: SECRET, releasedPages: [CHECKIN_PAGE, DETAIL_PAGE] });
  fake.addUser(RESIDENT);
  fake.addTemplate(TEMPLATE, { fields: ['thing1', 'time2', 'phrase3'] });
});

afterEach(async () => {
  await fake.close();
});

function client(overrides: Partial<WechatClientConfig> = {}): WechatClient {
  return new WechatClient({
    appId: APP_ID,
    secret: SECRET,
    baseUrl: fake.baseUrl,
    timeoutMs: 10_000, // generous: five QR images are drawn at once on a busy CI machine
    retryBaseDelayMs: 1,
    ...overrides,
  });
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

function message(overrides: Partial<SubscribeMessage> = {}): SubscribeMessage {
  return {
    touser: RESIDENT,
    templateId: TEMPLATE,
    page: `${DETAIL_PAGE}?id=3`,
    data: { thing1: '社区义诊：量血压测血糖', time2: '2026-03-01 09:00', phrase3: '报名成功' },
    ...overrides,
  };
}

describe('sendSubscribeMessage', () => {
  it('sends the message in WeChat shape and spends one acceptance', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE, 2);

    await client().sendSubscribeMessage(message());

    expect(fake.deliveredMessages()).toEqual([
      {
        touser: RESIDENT,
        templateId: TEMPLATE,
        page: `${DETAIL_PAGE}?id=3`,
        data: { thing1: '社区义诊：量血压测血糖', time2: '2026-03-01 09:00', phrase3: '报名成功' },
        miniprogramState: 'formal',
      },
    ]);
    const [request] = fake.requests('subscribe_send');
    expect(request.query.access_token).toBe(fake.currentAccessToken());
    expect(request.body).toEqual({
      touser: RESIDENT,
      template_id: TEMPLATE,
      page: `${DETAIL_PAGE}?id=3`,
      data: { thing1: { value: '社区义诊：量血压测血糖' }, time2: { value: '2026-03-01 09:00' }, phrase3: { value: '报名成功' } },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
    expect(fake.subscriptionsLeft(RESIDENT, TEMPLATE)).toBe(1);
  });

  it('passes the mini-program state for trial builds', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE);

    await client().sendSubscribeMessage(message({ miniprogramState: 'trial' }));

    expect(fake.deliveredMessages()[0].miniprogramState).toBe('trial');
  });

  it('maps no acceptance left (43101) to WECHAT_SUBSCRIBE_REFUSED, without retrying', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE, 1);
    const wechat = client();
    await wechat.sendSubscribeMessage(message());

    const error = await failure(wechat.sendSubscribeMessage(message()));

    expect(error).toMatchObject({ api: 'subscribe_send', errcode: 43101, code: ErrorCode.WECHAT_SUBSCRIBE_REFUSED });
    expect(fake.requests('subscribe_send')).toHaveLength(2);
    expect(fake.deliveredMessages()).toHaveLength(1);
  });

  it.each([
    ['a thing longer than 20 characters (47003)', message({ data: { thing1: '一'.repeat(21), time2: '09:00', phrase3: '成功' } }), 47003, ErrorCode.WECHAT_TEMPLATE_INVALID],
    ['a phrase that is not 5 Chinese characters (47003)', message({ data: { thing1: '义诊', time2: '09:00', phrase3: 'OK' } }), 47003, ErrorCode.WECHAT_TEMPLATE_INVALID],
    ['a missing field (47003)', message({ data: { thing1: '义诊', time2: '09:00' } }), 47003, ErrorCode.WECHAT_TEMPLATE_INVALID],
    ['an unknown template (40037)', message({ templateId: 'tmpl-unknown' }), 40037, ErrorCode.WECHAT_TEMPLATE_INVALID],
    ['an unknown openid (40003)', message({ touser: 'o-stranger' }), 40003, ErrorCode.WECHAT_OPENID_INVALID],
    ['a page not yet released (41030)', message({ page: 'packages/new/page?id=1' }), 41030, ErrorCode.WECHAT_PAGE_INVALID],
  ])('refuses %s', async (_, sent, errcode, code) => {
    fake.acceptSubscription(sent.touser, sent.templateId);

    const error = await failure(client().sendSubscribeMessage(sent));

    expect(error).toMatchObject({ failure: 'errcode', errcode, code });
    expect(fake.deliveredMessages()).toEqual([]);
    expect(fake.requests('subscribe_send')).toHaveLength(1);
  });

  it('maps the daily quota (45009) to WECHAT_QUOTA_EXCEEDED', async () => {
    fake.failNext('subscribe_send', 45009);

    const error = await failure(client().sendSubscribeMessage(message()));

    expect(error).toMatchObject({ errcode: 45009, code: ErrorCode.WECHAT_QUOTA_EXCEEDED });
  });

  it('retries a busy WeChat (-1) with backoff and sends once', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE);
    fake.failNext('subscribe_send', -1, 2);

    await client({ retries: 2 }).sendSubscribeMessage(message());

    expect(fake.requests('subscribe_send')).toHaveLength(3);
    expect(fake.deliveredMessages()).toHaveLength(1);
  });

  it('never repeats a send whose connection was lost: WeChat may have delivered it', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE, 3);
    fake.loseAnswerNext('subscribe_send');
    fake.dropNext('subscribe_send');
    const wechat = client({ retries: 2 });

    expect(await failure(wechat.sendSubscribeMessage(message()))).toMatchObject({ failure: 'dropped', errcode: null, code: ErrorCode.WECHAT_UNAVAILABLE });
    expect(await failure(wechat.sendSubscribeMessage(message()))).toMatchObject({ failure: 'dropped', errcode: null });

    expect(fake.requests('subscribe_send')).toHaveLength(2);
    // The first went out though its answer was lost; the second was read and dropped before WeChat acted on it.
    expect(fake.deliveredMessages()).toHaveLength(1);
  });

  it('never repeats a send that timed out', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE);
    const wechat = client({ timeoutMs: 200, retries: 2 });
    await wechat.getAccessToken();
    fake.delayNext('subscribe_send', 1000);

    expect(await failure(wechat.sendSubscribeMessage(message()))).toMatchObject({ failure: 'timeout' });
    expect(fake.requests('subscribe_send')).toHaveLength(1);
  });

  it('retries a send whose connection was refused: nothing reached WeChat', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE);
    const wechat = client({ retries: 2, retryBaseDelayMs: 300 });
    await wechat.getAccessToken();
    await fake.goOffline();

    const sending = wechat.sendSubscribeMessage(message());
    await new Promise((resolve) => setTimeout(resolve, 100));
    await fake.goOnline();
    await sending;

    expect(fake.requests('subscribe_send')).toHaveLength(1);
    expect(fake.deliveredMessages()).toHaveLength(1);
  });

  it('gives up with WECHAT_BUSY when WeChat stays busy', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE);
    fake.failNext('subscribe_send', -1, 3);

    const error = await failure(client({ retries: 2 }).sendSubscribeMessage(message()));

    expect(error).toMatchObject({ errcode: -1, code: ErrorCode.WECHAT_BUSY });
    expect(fake.requests('subscribe_send')).toHaveLength(3);
    expect(fake.subscriptionsLeft(RESIDENT, TEMPLATE)).toBe(1);
  });

  it('on a revoked token refreshes once and sends', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE);
    const wechat = client();
    await wechat.getAccessToken();
    fake.invalidateAccessToken();

    await wechat.sendSubscribeMessage(message());

    expect(fake.requests('stable_token')).toHaveLength(2);
    expect(fake.deliveredMessages()).toHaveLength(1);
  });
});

describe('msgSecCheck', () => {
  it('passes ordinary text, sending a version 2 check', async () => {
    const result = await client().msgSecCheck({ openid: RESIDENT, scene: 2, content: '建议在小区门口加装路灯' });

    expect(result).toEqual({ suggest: 'pass', label: 100 });
    expect(fake.requests('msg_sec_check')[0].body).toEqual({
      version: 2,
      openid: RESIDENT,
      scene: 2,
      content: '建议在小区门口加装路灯',
    });
  });

  it('answers review and risky with their label, as results rather than errors', async () => {
    fake.setContentVerdict('加微信', { suggest: 'review', label: 10001 });
    fake.setContentVerdict('赌博', { suggest: 'risky', label: 20006 });
    const wechat = client();

    expect(await wechat.msgSecCheck({ openid: RESIDENT, scene: 2, content: '有事加微信' })).toEqual({
      suggest: 'review',
      label: 10001,
    });
    expect(await wechat.msgSecCheck({ openid: RESIDENT, scene: 1, content: '加微信一起赌博' })).toEqual({
      suggest: 'risky',
      label: 20006,
    });
  });

  it.each([
    ['an author who has not opened the app for 2 hours (61010)', 'o-away', 61010, ErrorCode.WECHAT_USER_INACTIVE],
    ['an unknown author (40003)', 'o-stranger', 40003, ErrorCode.WECHAT_OPENID_INVALID],
  ])('refuses %s', async (_, openid, errcode, code) => {
    fake.addUser('o-away', 121);

    const error = await failure(client().msgSecCheck({ openid, scene: 2, content: '你好' }));

    expect(error).toMatchObject({ api: 'msg_sec_check', errcode, code });
  });

  it('maps the daily quota (45009) to WECHAT_QUOTA_EXCEEDED', async () => {
    fake.failNext('msg_sec_check', 45009);

    const error = await failure(client().msgSecCheck({ openid: RESIDENT, scene: 2, content: '你好' }));

    expect(error).toMatchObject({ errcode: 45009, code: ErrorCode.WECHAT_QUOTA_EXCEEDED });
  });

  it('retries a busy WeChat (-1)', async () => {
    fake.failNext('msg_sec_check', -1);

    expect(await client().msgSecCheck({ openid: RESIDENT, scene: 2, content: '你好' })).toEqual({ suggest: 'pass', label: 100 });
    expect(fake.requests('msg_sec_check')).toHaveLength(2);
  });

  it('checks text longer than 2500 characters in parts, the worst verdict winning', async () => {
    fake.setContentVerdict('加微信', { suggest: 'review', label: 10001 });
    const content = `${'好'.repeat(2500)}加微信${'好'.repeat(100)}`;

    const result = await client().msgSecCheck({ openid: RESIDENT, scene: 3, content });

    expect(result).toEqual({ suggest: 'review', label: 10001 });
    const parts = fake.requests('msg_sec_check').map((request) => [...(request.body as { content: string }).content].length);
    expect(parts).toEqual([2500, 103]);
  });

  it('treats an answer without a verdict as a bad answer, not a pass', async () => {
    fake.replyRawNext('msg_sec_check', { body: '{"errcode":0,"errmsg":"ok"}', contentType: 'application/json' });

    const error = await failure(client().msgSecCheck({ openid: RESIDENT, scene: 2, content: '你好' }));

    expect(error).toMatchObject({ failure: 'bad_response', code: ErrorCode.WECHAT_UNAVAILABLE });
  });
});

describe('getUnlimitedQrCode', () => {
  it('returns a PNG that opens the page with the scene', async () => {
    const png = await client().getUnlimitedQrCode({ scene: 'c=AbC123', page: `/${CHECKIN_PAGE}`, width: 600 });

    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(readFakeWxacode(png)).toEqual({ scene: 'c=AbC123', page: CHECKIN_PAGE, envVersion: 'release', width: 600 });
    expect(fake.requests('getwxacodeunlimit')[0].body).toEqual({
      scene: 'c=AbC123',
      page: CHECKIN_PAGE,
      check_path: true,
      env_version: 'release',
      width: 600,
    });
  });

  it('encodes an unreleased page for a trial build when asked not to check the path', async () => {
    const png = await client().getUnlimitedQrCode({
      scene: 't=1',
      page: 'packages/new/page',
      checkPath: false,
      envVersion: 'trial',
    });

    expect(readFakeWxacode(png)).toMatchObject({ page: 'packages/new/page', envVersion: 'trial', width: 430 });
  });

  it('maps an unreleased page (41030) to WECHAT_PAGE_INVALID', async () => {
    const error = await failure(client().getUnlimitedQrCode({ scene: 't=1', page: 'packages/new/page' }));

    expect(error).toMatchObject({ api: 'getwxacodeunlimit', errcode: 41030, code: ErrorCode.WECHAT_PAGE_INVALID });
  });

  it.each(['', 'x'.repeat(33), 'token=中文', 'a b'])('refuses the scene %j before calling WeChat', async (scene) => {
    const error = await failure(client().getUnlimitedQrCode({ scene, page: CHECKIN_PAGE }));

    expect(error).toMatchObject({ failure: 'invalid_request', code: ErrorCode.WECHAT_SCENE_INVALID });
    expect(fake.requests('getwxacodeunlimit')).toEqual([]);
  });

  it.each([
    [40129, ErrorCode.WECHAT_SCENE_INVALID],
    [45009, ErrorCode.WECHAT_QUOTA_EXCEEDED],
  ])('maps errcode %i (a JSON answer instead of an image) to %s', async (errcode, code) => {
    fake.failNext('getwxacodeunlimit', errcode);

    const error = await failure(client().getUnlimitedQrCode({ scene: 't=1', page: CHECKIN_PAGE }));

    expect(error).toMatchObject({ failure: 'errcode', errcode, code });
  });

  it('reads an errcode even when WeChat labels the JSON as an image', async () => {
    fake.replyRawNext('getwxacodeunlimit', { body: '{"errcode":45009,"errmsg":"quota"}', contentType: 'image/jpeg' });

    const error = await failure(client().getUnlimitedQrCode({ scene: 't=1', page: CHECKIN_PAGE }));

    expect(error).toMatchObject({ errcode: 45009, code: ErrorCode.WECHAT_QUOTA_EXCEEDED });
  });

  it('refuses an answer that is neither JSON nor an image', async () => {
    fake.replyRawNext('getwxacodeunlimit', { body: '<html>gateway</html>', contentType: 'text/html' });

    const error = await failure(client().getUnlimitedQrCode({ scene: 't=1', page: CHECKIN_PAGE }));

    expect(error).toMatchObject({ failure: 'bad_response', code: ErrorCode.WECHAT_UNAVAILABLE });
  });

  it('retries a busy WeChat (-1)', async () => {
    fake.failNext('getwxacodeunlimit', -1);

    const png = await client().getUnlimitedQrCode({ scene: 't=1', page: CHECKIN_PAGE });

    expect(readFakeWxacode(png)?.scene).toBe('t=1');
    expect(fake.requests('getwxacodeunlimit')).toHaveLength(2);
  });

  it('on a revoked token (a JSON 40001 instead of an image) refreshes once and retries', async () => {
    const wechat = client();
    await wechat.getAccessToken();
    fake.invalidateAccessToken();

    const png = await wechat.getUnlimitedQrCode({ scene: 't=1', page: CHECKIN_PAGE });

    expect(readFakeWxacode(png)?.scene).toBe('t=1');
    expect(fake.requests('getwxacodeunlimit')).toHaveLength(2);
    expect(fake.requests('stable_token')).toHaveLength(2);
  });
});

describe('getPhoneNumber', () => {
  it('exchanges the button code for the phone number', async () => {
    const code = fake.issuePhoneCode('13800138000');

    expect(await client().getPhoneNumber(code)).toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
    expect(fake.requests('getuserphonenumber')[0].body).toEqual({ code });
  });

  it('keeps the country code of a number outside mainland China', async () => {
    const code = fake.issuePhoneCode('91234567', '852');

    expect(await client().getPhoneNumber(code)).toEqual({
      phoneNumber: '+85291234567',
      purePhoneNumber: '91234567',
      countryCode: '852',
    });
  });

  it('maps an unknown (40029) or used (40163) code to WECHAT_PHONE_CODE_INVALID', async () => {
    const wechat = client();
    const code = fake.issuePhoneCode('13800138000');
    await wechat.getPhoneNumber(code);

    const used = await failure(wechat.getPhoneNumber(code));
    const unknown = await failure(wechat.getPhoneNumber('never-issued'));

    expect(used).toMatchObject({ errcode: 40163, code: ErrorCode.WECHAT_PHONE_CODE_INVALID });
    expect(unknown).toMatchObject({ errcode: 40029, code: ErrorCode.WECHAT_PHONE_CODE_INVALID });
  });

  it('retries a busy WeChat (-1) without spending the code', async () => {
    fake.failNext('getuserphonenumber', -1);

    const phone = await client().getPhoneNumber(fake.issuePhoneCode('13800138000'));

    expect(phone.purePhoneNumber).toBe('13800138000');
    expect(fake.requests('getuserphonenumber')).toHaveLength(2);
  });

  it('never puts the phone number in an error', async () => {
    fake.replyRawNext('getuserphonenumber', {
      body: '{"errcode":0,"phone_info":{"phoneNumber":"13800138000"}}',
      contentType: 'application/json',
    });

    const error = await failure(client().getPhoneNumber('any'));

    expect(error.failure).toBe('bad_response');
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain('13800138000');
  });
});

describe('many callers on a revoked token', () => {
  it('spends one force refresh across different APIs called at once', async () => {
    fake.acceptSubscription(RESIDENT, TEMPLATE, 5);
    const wechat = client();
    await wechat.getAccessToken();
    fake.invalidateAccessToken();

    await Promise.all([
      ...Array.from({ length: 5 }, () => wechat.sendSubscribeMessage(message())),
      ...Array.from({ length: 5 }, () => wechat.msgSecCheck({ openid: RESIDENT, scene: 2, content: '你好' })),
      ...Array.from({ length: 5 }, () => wechat.getUnlimitedQrCode({ scene: 't=1', page: CHECKIN_PAGE })),
    ]);

    const refreshes = fake.requests('stable_token').filter((request) => (request.body as { force_refresh?: boolean }).force_refresh);
    expect(refreshes).toHaveLength(1);
    expect(fake.deliveredMessages()).toHaveLength(5);
  });
});
