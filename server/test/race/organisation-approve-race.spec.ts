import { routes } from '@linli/shared';
import { OrganisationCommunity } from '../../src/communities/organisation-community.entity.js';
import { Organisation } from '../../src/communities/organisation.entity.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const APPLICATIONS = 20;

/** Two reviewers (committee and street admin) approve the same applications at once: one organisation each, once. */
describe('备案 approval under concurrency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates each organisation exactly once and answers the loser APPLICATION_ALREADY_DECIDED', async () => {
    const [resident, committee, admin] = await Promise.all([t.login('resident'), t.login('committee'), t.login('street-admin')]);
    const communityId = ok(await t.call(routes.communities)).items.find((c) => c.name === '幸福里社区')!.id;
    const ids = await Promise.all(
      Array.from({ length: APPLICATIONS }, async (_, i) =>
        ok(
          await t.call(
            routes.createOrganisationApplication,
            { body: { communityId, name: `竞速兴趣小组${i}`, leader: '组长', membersCount: 5, activities: '一起活动。', venue: '活动室' } },
            resident,
          ),
        ).id,
      ),
    );
    // Approve and reject race too: whichever decides first wins, the other is told it was already decided.
    const replies = await Promise.all(
      ids.flatMap((id) => [
        t.call(routes.approveOrganisationApplication, { params: { id } }, committee),
        t.call(routes.approveOrganisationApplication, { params: { id } }, admin),
        t.call(routes.rejectOrganisationApplication, { params: { id }, body: { reason: '重复' } }, admin),
      ]),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(APPLICATIONS);
    expect(replies.filter((r) => r.error?.code === 'APPLICATION_ALREADY_DECIDED')).toHaveLength(2 * APPLICATIONS);

    const approved = replies.filter((r) => r.status === 200 && ok(r).status === 'approved').map((r) => ok(r));
    const organisations = await t.db.run((em) => em.find(Organisation, { where: approved.map((a) => ({ id: a.organisationId! })) }));
    expect(organisations).toHaveLength(approved.length);
    const named = await t.db.run((em) => em.createQueryBuilder(Organisation, 'o').where('o.name LIKE :n', { n: '竞速兴趣小组%' }).getCount());
    expect(named).toBe(approved.length);
    const links = await t.db.run((em) => em.find(OrganisationCommunity, { where: organisations.map((o) => ({ organisationId: o.id })) }));
    expect(links.map((l) => l.communityId)).toEqual(organisations.map(() => communityId));
    const decisions = [
      ...(await t.app.get(AuditRepository).list({ action: 'organisation_application.approve' })),
      ...(await t.app.get(AuditRepository).list({ action: 'organisation_application.reject' })),
    ].filter((a) => ids.includes(a.targetId!));
    expect(decisions).toHaveLength(APPLICATIONS);
  });
});
