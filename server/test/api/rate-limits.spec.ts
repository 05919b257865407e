import { routes } from '@linli/shared';
import type { RateLimit, RateLimitClass, RateLimits } from '../../src/config/config.js';
import { startRedisServer } from '../support/redis-server.js';
import { photo, uploadFile } from '../support/uploads.js';
import { createTestApp, noRateLimits, type Reply, type TestApp } from '../support/test-app.js';

function limits(overrides: Partial<Record<RateLimitClass, { user?: RateLimit; ip?: RateLimit }>>): RateLimits {
  const all = structuredClone(noRateLimits);
  for (const [kind, limit] of Object.entries(overrides)) Object.assign(all[kind as RateLimitClass], limit);
  return all;
}

/** A 429 that says when to come back, in the header and in Chinese. */
async function expectLimited(reply: Reply<never> | { status: number; error?: { code: string; message: string } }, retryAfterAtMost: number, response?: Response) {
  expect(reply.status).toBe(429);
  expect(reply.error?.code).toBe('RATE_LIMITED');
  expect(reply.error?.message).toMatch(/^操作太频繁了，请 \d+ (秒|分钟|小时)后再试$/);
  if (response) {
    const seconds = Number(response.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(retryAfterAtMost);
  }
}

/** Calls a route with fetch and keeps the response, for its headers. */
async function raw(t: TestApp, method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${t.base}/api${path}`, {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as { code?: string; message?: string };
  return { response, status: response.status, error: response.status >= 400 ? (json as { code: string; message: string }) : undefined };
}

const perMinute = (count: number) => ({ count, seconds: 60 });

describe('rate limits', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('limits logins per address, dev and WeChat alike', async () => {
    t = await createTestApp({ rateLimits: limits({ login: { ip: perMinute(2) } }) });
    expect((await raw(t, 'POST', '/auth/dev', { persona: 'resident' })).status).toBe(200);
    expect((await raw(t, 'POST', '/auth/wechat', { code: 'any-code' })).status).toBe(503); // counted, then WECHAT_NOT_CONFIGURED
    const third = await raw(t, 'POST', '/auth/dev', { persona: 'resident' });
    await expectLimited(third, 60, third.response);
  });

  it('limits new accounts per address, not logins of existing ones', async () => {
    t = await createTestApp({ rateLimits: limits({ account: { ip: { count: 2, seconds: 600 } } }) });
    for (const i of [1, 2]) expect((await raw(t, 'POST', '/auth/dev', { openid: `new-${i}`, nickname: '新人' })).status).toBe(200);
    const third = await raw(t, 'POST', '/auth/dev', { openid: 'new-3', nickname: '新人' });
    await expectLimited(third, 600, third.response);
    expect(third.error!.message).toMatch(/分钟/);
    for (let i = 0; i < 3; i++) expect((await raw(t, 'POST', '/auth/dev', { openid: 'new-1', nickname: '新人' })).status).toBe(200);
  });

  it('limits residency claims per user', async () => {
    t = await createTestApp({ rateLimits: limits({ claim: { user: { count: 1, seconds: 3600 } } }) });
    const households = (await t.db.run((em) => em.query('SELECT id FROM household ORDER BY id LIMIT 2'))) as { id: number }[];
    const [ann, bob] = [await t.login({ openid: 'ann', nickname: '安' }), await t.login({ openid: 'bob', nickname: '波' })];
    expect((await t.call(routes.createResidencyClaim, { body: { householdId: households[0].id, realName: '安安' } }, ann)).status).toBe(201);
    const second = await raw(t, 'POST', '/residency-claims', { householdId: households[1].id, realName: '安安' }, ann);
    await expectLimited(second, 3600, second.response);
    expect(second.error!.message).toMatch(/小时|分钟/);
    expect((await t.call(routes.createResidencyClaim, { body: { householdId: households[1].id, realName: '波波' } }, bob)).status).toBe(201);
  });

  it('limits uploads per user', async () => {
    t = await createTestApp({ rateLimits: limits({ upload: { user: perMinute(1) } }) });
    const staff = await t.login('committee');
    const jpeg = await photo(64, 64).jpeg().toBuffer();
    expect((await uploadFile(t, staff, jpeg)).status).toBe(201);
    const second = await uploadFile(t, staff, jpeg);
    await expectLimited(second, 60);
  });

  it('limits content (a nickname) per user and other writes per user; reads are never limited', async () => {
    t = await createTestApp({ rateLimits: limits({ content: { user: perMinute(2) }, write: { user: perMinute(1) } }) });
    const [ann, bob] = [await t.login({ openid: 'ann', nickname: '安' }), await t.login({ openid: 'bob', nickname: '波' })];
    for (const n of ['安一', '安二']) expect((await raw(t, 'PATCH', '/me', { nickname: n }, ann)).status).toBe(200);
    const third = await raw(t, 'PATCH', '/me', { nickname: '安三' }, ann);
    await expectLimited(third, 60, third.response);
    expect((await raw(t, 'PATCH', '/me', { nickname: '波一' }, bob)).status).toBe(200);

    expect((await raw(t, 'POST', '/me/inbox/read', {}, ann)).status).toBe(200);
    const write = await raw(t, 'POST', '/me/inbox/read', {}, ann);
    await expectLimited(write, 60, write.response);
    for (let i = 0; i < 10; i++) expect((await raw(t, 'GET', '/me', undefined, ann)).status).toBe(200);
  });

  it('limits writes per address across users', async () => {
    t = await createTestApp({ rateLimits: limits({ write: { ip: perMinute(3) } }) });
    const [ann, bob] = [await t.login({ openid: 'ann', nickname: '安' }), await t.login({ openid: 'bob', nickname: '波' })];
    for (const token of [ann, bob, ann]) expect((await raw(t, 'POST', '/me/inbox/read', {}, token)).status).toBe(200);
    const fourth = await raw(t, 'POST', '/me/inbox/read', {}, bob);
    await expectLimited(fourth, 60, fourth.response);
  });
});

/** Two instances behind one load balancer count in the same Redis (a private redis-server, nothing on disk). */
describe('rate limits shared through Redis', () => {
  let redisServer: Awaited<ReturnType<typeof startRedisServer>>;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    redisServer = await startRedisServer();
    for (let i = 0; i < 2; i++) apps.push(await createTestApp({ redisUrl: redisServer.url, rateLimits: limits({ login: { ip: perMinute(3) } }) }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    redisServer?.stop();
  });

  it('counts requests to either instance against one limit', async () => {
    const [one, two] = apps;
    expect((await raw(one, 'POST', '/auth/dev', { persona: 'resident' })).status).toBe(200);
    expect((await raw(two, 'POST', '/auth/dev', { persona: 'resident' })).status).toBe(200);
    expect((await raw(one, 'POST', '/auth/dev', { persona: 'resident' })).status).toBe(200);
    const fourth = await raw(two, 'POST', '/auth/dev', { persona: 'resident' });
    await expectLimited(fourth, 60, fourth.response);
    const fifth = await raw(one, 'POST', '/auth/dev', { persona: 'resident' });
    await expectLimited(fifth, 60, fifth.response);
  });
});
