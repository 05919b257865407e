import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { startFakeWechat, type FakeWechat } from '../../test/fake-wechat/fake-wechat-server.js';
import { RedisAccessTokenStore, type AccessTokenStore, type StoredAccessToken } from './access-token-store.js';
import { WechatClient } from './wechat-client.js';

const APP_ID = 'wx0123456789abcdef';
const SECRET = 'secret-5b1e0c9d7a3f4e2b8c6d';
const RESIDENT = 'o-resident-1';

let fake: FakeWechat;

beforeEach(async () => {
  fake = await startFakeWechat({ appId: APP_ID, secret: SECRET });
  fake.addUser(RESIDENT);
});

afterEach(async () => {
  await fake.close();
});

/** A store in memory, shared by the clients given it: several server instances in one process. */
class MemoryStore implements AccessTokenStore {
  value: StoredAccessToken | null = null;
  private locked = false;
  failing = false;

  read() {
    return this.failing ? Promise.reject(new Error('store down')) : Promise.resolve(this.value);
  }
  write(token: StoredAccessToken) {
    if (this.failing) return Promise.reject(new Error('store down'));
    this.value = token;
    return Promise.resolve();
  }
  lock() {
    if (this.failing) return Promise.reject(new Error('store down'));
    if (this.locked) return Promise.resolve(false);
    this.locked = true;
    return Promise.resolve(true);
  }
  unlock() {
    this.locked = false;
    return Promise.resolve();
  }
  close() {
    return Promise.resolve();
  }
}

function instance(tokenStore: AccessTokenStore): WechatClient {
  return new WechatClient({ appId: APP_ID, secret: SECRET, baseUrl: fake.baseUrl, retryBaseDelayMs: 1, tokenStore });
}

const check = (client: WechatClient) => client.msgSecCheck({ openid: RESIDENT, scene: 2, content: '你好' });

function forceRefreshes(): number {
  return fake.requests('stable_token').filter((request) => (request.body as { force_refresh?: boolean }).force_refresh)
    .length;
}

describe('access token shared between instances', () => {
  it('lets a second instance use the token the first one fetched', async () => {
    const store = new MemoryStore();

    const first = await instance(store).getAccessToken();
    const second = await instance(store).getAccessToken();

    expect(second).toBe(first);
    expect(fake.requests('stable_token')).toHaveLength(1);
  });

  it('spends one force refresh when three instances hit the same revoked token at once', async () => {
    const store = new MemoryStore();
    const instances = [instance(store), instance(store), instance(store)];
    await Promise.all(instances.map((client) => client.getAccessToken()));
    fake.invalidateAccessToken();

    await Promise.all(instances.flatMap((client) => Array.from({ length: 4 }, () => check(client))));

    expect(forceRefreshes()).toBe(1);
    expect(store.value?.token).toBe(fake.currentAccessToken());
  });

  it('picks up a token another instance refreshed instead of refreshing again', async () => {
    const store = new MemoryStore();
    const a = instance(store);
    const b = instance(store);
    await a.getAccessToken();
    await b.getAccessToken();
    fake.invalidateAccessToken();

    await check(a);
    await check(b);

    expect(forceRefreshes()).toBe(1);
  });

  it('works alone when the store fails', async () => {
    const store = new MemoryStore();
    store.failing = true;
    const client = instance(store);

    await check(client);
    fake.invalidateAccessToken();
    await check(client);

    expect(fake.requests('stable_token')).toHaveLength(2);
    expect(forceRefreshes()).toBe(1);
  });
});

describe('RedisAccessTokenStore', () => {
  let dir: string;
  let server: ChildProcess;
  let redis: Redis;

  // A private Redis on a unix socket: no port to collide with, nothing kept on disk.
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-redis-'));
    const socket = join(dir, 'redis.sock');
    server = spawn('redis-server', ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100 && !existsSync(socket); i += 1) await sleep(50);
    redis = new Redis({ path: socket, maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    await redis.quit();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await redis.flushall();
  });

  it('keeps the token under a key that expires with it', async () => {
    const store = new RedisAccessTokenStore(redis.duplicate(), APP_ID);
    const now = Date.now();
    const token = { token: 't-1', refreshAt: now + 60_000, expiresAt: now + 120_000 };

    await store.write(token, now);

    expect(await store.read()).toEqual(token);
    const ttl = await redis.pttl(`linli:wechat:access-token:${APP_ID}`);
    expect(ttl).toBeGreaterThan(110_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
    await store.close();
  });

  it('gives the refresh lock to one instance at a time, and only its holder releases it', async () => {
    const a = new RedisAccessTokenStore(redis.duplicate(), APP_ID);
    const b = new RedisAccessTokenStore(redis.duplicate(), APP_ID);

    expect(await a.lock(5000)).toBe(true);
    expect(await b.lock(5000)).toBe(false);
    await b.unlock();
    expect(await b.lock(5000)).toBe(false);
    await a.unlock();
    expect(await b.lock(5000)).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });

  it('shares one token and one force refresh between two clients', async () => {
    const stores = [new RedisAccessTokenStore(redis.duplicate(), APP_ID), new RedisAccessTokenStore(redis.duplicate(), APP_ID)];
    const [a, b] = stores.map((store) => instance(store));
    expect(await b.getAccessToken()).toBe(await a.getAccessToken());
    fake.invalidateAccessToken();

    await Promise.all([check(a), check(b), check(a), check(b)]);

    expect(fake.requests('stable_token')).toHaveLength(2);
    expect(forceRefreshes()).toBe(1);
    await Promise.all([a.onModuleDestroy(), b.onModuleDestroy()]);
  });

  it('reads an unparseable value as no token', async () => {
    const store = new RedisAccessTokenStore(redis.duplicate(), APP_ID);
    await redis.set(`linli:wechat:access-token:${APP_ID}`, 'not json');

    expect(await store.read()).toBeNull();
    await store.close();
  });
});
