import { routes } from '@linli/shared';
import { APP_CONFIG, type AppConfig } from '../../src/config/config.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/**
 * Several server instances each keep a minute's cache of grants. A revoked grant must still stop working on every
 * instance within 2 seconds: instance A announces the change through Redis and B drops its copy.
 */
describe('revoking a grant on one instance', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp({ redisUrl: REDIS_URL });
    // B serves the same database (A seeded it) with the same signing key, as a second process would.
    const shared = a.app.get<AppConfig>(APP_CONFIG);
    b = await createTestApp({ redisUrl: REDIS_URL, database: shared.database, jwtSecret: shared.jwtSecret, seedDemo: false });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('is refused by the other instance within 2 seconds', async () => {
    const committee = await a.login('committee');
    const { items } = ok(await a.call(routes.communities));
    const invite = ok(await a.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: items[0].id } }, committee));
    const colleague = await a.login({ openid: 'two_instances', nickname: '两台服务器' });
    const grant = ok(await a.call(routes.acceptInvite, { params: { code: invite.code } }, colleague));

    // B has the grant in its cache now, and serves staff pages with it.
    ok(await b.call(routes.listResidencyClaims, {}, colleague));
    ok(await b.call(routes.listResidencyClaims, {}, colleague));

    ok(await a.call(routes.revokeGrant, { params: { id: grant.id } }, committee));
    const revokedAt = Date.now();
    let reply = await b.call(routes.listResidencyClaims, {}, colleague);
    while (!reply.error && Date.now() - revokedAt < 2000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      reply = await b.call(routes.listResidencyClaims, {}, colleague);
    }
    expect(reply.error?.code).toBe('FORBIDDEN');
    expect(Date.now() - revokedAt).toBeLessThan(2000);
  });
});
