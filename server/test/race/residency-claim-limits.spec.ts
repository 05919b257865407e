import { routes } from '@linli/shared';
import { ResidencyClaim } from '../../src/residency/residency-claim.entity.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** One user may have one pending claim per household and three pending in all, however fast they tap. */
describe('pending residency claims per user', () => {
  let t: TestApp;
  let households: { id: number }[];

  beforeAll(async () => {
    t = await createTestApp();
    households = (await t.db.run((em) => em.query('SELECT id FROM household ORDER BY id LIMIT 8'))) as { id: number }[];
  });
  afterAll(() => t.close());

  const claim = (token: string, i: number) => t.call(routes.createResidencyClaim, { body: { householdId: households[i].id, realName: '张三' } }, token);

  it('refuses a fourth pending claim, and frees a place when one is decided', async () => {
    const user = await t.login({ openid: 'four-homes', nickname: '四套房' });
    const first = ok(await claim(user, 0));
    for (const i of [1, 2]) expect((await claim(user, i)).status).toBe(201);
    expect(await claim(user, 0)).toMatchObject({ status: 409, error: { code: 'CLAIM_DUPLICATE' } });
    const fourth = await claim(user, 3);
    expect(fourth).toMatchObject({ status: 409, error: { code: 'CLAIMS_PENDING_TOO_MANY' } });
    expect(fourth.error!.message).toContain('3 条');

    const committee = await t.login('committee');
    ok(await t.call(routes.rejectResidencyClaim, { params: { id: first.id }, body: { reason: '房号不对' } }, committee));
    expect((await claim(user, 3)).status).toBe(201);
    expect((await claim(user, 4)).error?.code).toBe('CLAIMS_PENDING_TOO_MANY');
  });

  it('keeps the caps when one user sends many claims at once', async () => {
    const users = await Promise.all([0, 1, 2, 3].map((i) => t.login({ openid: `racer-claims-${i}`, nickname: `快手${i}` })));
    // Each user: eight households, each claimed twice at the same moment (16 requests per user, 64 in all).
    const replies = await Promise.all(users.flatMap((token) => [0, 1, 2, 3, 4, 5, 6, 7].flatMap((i) => [claim(token, i), claim(token, i)])));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(users.length * 3);
    expect(replies.every((r) => r.status === 201 || ['CLAIMS_PENDING_TOO_MANY', 'CLAIM_DUPLICATE'].includes(r.error!.code))).toBe(true);
    for (const token of users) {
      const me = ok(await t.call(routes.me, undefined, token));
      const pending = await t.db.run((em) => em.find(ResidencyClaim, { where: { userId: me.id, status: 'pending' } }));
      expect(pending).toHaveLength(3);
      expect(new Set(pending.map((c) => c.householdId)).size).toBe(3);
    }
  });
});
