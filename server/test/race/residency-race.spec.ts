import { routes } from '@linli/shared';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { Residency } from '../../src/residency/residency.entity.js';
import { ResidencyClaim } from '../../src/residency/residency-claim.entity.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const RESIDENTS = 100;

/** 200 claims and then 200 approvals at once, half of each a duplicate: the data stays exact. */
describe('residency under concurrency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps one live claim per resident and household, and one decision per claim', async () => {
    const communities = ok(await t.call(routes.communities)).items;
    const communityId = communities.find((c) => c.name === '幸福里社区')!.id;
    const tokens = await Promise.all(
      Array.from({ length: RESIDENTS }, (_, i) => t.login({ openid: `racer-${i}`, nickname: `居民${i}` })),
    );
    const households = ok(await t.call(routes.households, { params: { id: communityId }, query: {} }, tokens[0])).items;
    // Two residents per household: several people may live in one home.
    const homeOf = (i: number) => households[Math.floor(i / 2)].id;

    const claims = await Promise.all(
      tokens.flatMap((token, i) =>
        [0, 1].map(() => t.call(routes.createResidencyClaim, { body: { householdId: homeOf(i), realName: `居民${i}` } }, token)),
      ),
    );
    const created = claims.filter((r) => r.status === 201);
    expect(created).toHaveLength(RESIDENTS);
    expect(claims.filter((r) => r.error?.code === 'CLAIM_DUPLICATE')).toHaveLength(RESIDENTS);

    const committee = await t.login('committee');
    const streetAdmin = await t.login('street-admin');
    const claimIds = created.map((r) => ok(r).id);
    const approvals = await Promise.all(
      claimIds.flatMap((id) => [committee, streetAdmin].map((token) => t.call(routes.approveResidencyClaim, { params: { id } }, token))),
    );
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(RESIDENTS);
    expect(approvals.filter((r) => r.error?.code === 'CLAIM_ALREADY_DECIDED')).toHaveLength(RESIDENTS);
    expect(approvals.every((r) => r.status === 200 || r.status === 409)).toBe(true);

    const [residencies, approvedClaims, audit] = await Promise.all([
      t.db.run((em) => em.find(Residency, { where: { communityId, source: 'claim' } })),
      t.db.run((em) => em.countBy(ResidencyClaim, { communityId, status: 'approved' })),
      t.app.get(AuditRepository).list({ action: 'residency.approve' }),
    ]);
    expect(residencies).toHaveLength(RESIDENTS);
    expect(new Set(residencies.map((r) => `${r.userId}:${r.householdId}`)).size).toBe(RESIDENTS);
    expect(approvedClaims).toBe(RESIDENTS);
    expect(audit).toHaveLength(RESIDENTS);

    const verified = await Promise.all(tokens.map((token) => t.call(routes.me, {}, token)));
    expect(verified.every((r) => ok(r).verified && ok(r).residencies.length === 1)).toBe(true);
  });
});
