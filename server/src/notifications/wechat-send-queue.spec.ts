import { WechatApiError, type WechatFailure } from '../wechat/index.js';
import { afterFailure } from './wechat-send-queue.js';

const error = (failure: WechatFailure, errcode: number | null = null, api = 'subscribe_send') =>
  new WechatApiError({ api, failure, errcode, errmsg: 'x' });

describe('what a failed WeChat send leaves', () => {
  it.each([
    ['WeChat busy (-1)', error('errcode', -1), 'retry'],
    ['a daily quota (45009)', error('errcode', 45009), 'retry'],
    ['no subscription left (43101)', error('errcode', 43101), 'failed'],
    ['a field WeChat refuses (47003)', error('errcode', 47003), 'failed'],
    ['no connection made', error('network'), 'retry'],
    ['the access token could not be had, even by a lost connection', error('dropped', null, 'stable_token'), 'retry'],
    ['a connection lost after the request went', error('dropped'), 'uncertain'],
    ['a timeout', error('timeout'), 'uncertain'],
    ['an answer that cannot be read (HTTP 502)', error('bad_response'), 'uncertain'],
    ['anything else', new Error('boom'), 'uncertain'],
  ])('%s: %s', (_, failure, outcome) => {
    expect(afterFailure(failure)).toBe(outcome);
  });
});
