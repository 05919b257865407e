import { routes } from '@linli/shared';
import { ServiceRequest } from '../../src/service-requests/service-request.entity.js';
import { Wish } from '../../src/wishes/wish.entity.js';
import { ok } from '../support/expect-ok.js';
import { helpApp, type HelpCast } from '../support/help.js';
import type { TestApp } from '../support/test-app.js';

const ROUNDS = 10;

/** Two staff assigning one request at once, and two givers tapping 认领 on one wish at once: exactly one wins. */
describe('service request and wish races', () => {
  const app = helpApp();
  let t: TestApp;
  let c: HelpCast;
  beforeAll(() => ({ t, c } = app));

  it('assigns each request to exactly one assignee; the other is told it already moved', async () => {
    const ids = await Promise.all(
      Array.from({ length: ROUNDS }, async (_, i) => {
        const r = ok(await t.call(routes.createServiceRequest, { body: { householdId: c.homes.resident!, category: 'shopping', details: `代购 ${i}` } }, c.tokens.resident));
        ok(await t.call(routes.acceptServiceRequest, { params: { id: r.id } }, c.tokens.committee));
        return r.id;
      }),
    );
    const replies = await Promise.all(
      ids.flatMap((id) => [
        t.call(routes.assignServiceRequest, { params: { id }, body: { kind: 'volunteer', id: c.ids.volunteer } }, c.tokens.committee),
        t.call(routes.assignServiceRequest, { params: { id }, body: { kind: 'organisation', id: c.organisations.qihang } }, c.tokens['street-admin']),
      ]),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(ROUNDS);
    const losers = replies.filter((r) => r.status !== 200);
    expect(losers.map((r) => [r.status, r.error?.code])).toEqual(losers.map(() => [409, 'SERVICE_REQUEST_ALREADY_MOVED']));
    const rows = await t.db.run((em) => em.find(ServiceRequest, { where: ids.map((id) => ({ id })) }));
    for (const row of rows) {
      const winner = replies.find((r) => r.status === 200 && ok(r).id === row.id)!;
      expect(row.state).toBe('assigned');
      // The row holds the winner's assignee, whole: never one assignee's kind with the other's id.
      expect(row.assigneeKind).toBe(ok(winner).assignee!.kind);
      expect([row.assigneeUserId, row.assigneeOrganisationId]).toEqual(row.assigneeKind === 'volunteer' ? [c.ids.volunteer, null] : [null, c.organisations.qihang]);
    }
  });

  it('gives each wish to exactly one claimer; the other gets WISH_ALREADY_CLAIMED', async () => {
    const ids = await Promise.all(
      Array.from({ length: ROUNDS }, async (_, i) =>
        ok(await t.call(routes.createWish, { body: { communityId: c.communities.xingfuli, beneficiaryName: '王奶奶', title: `心愿 ${i}` } }, c.tokens.committee)).id,
      ),
    );
    const replies = await Promise.all(
      ids.flatMap((id) => [
        t.call(routes.claimWish, { params: { id }, body: { organisationId: null } }, c.tokens.resident),
        t.call(routes.claimWish, { params: { id }, body: { organisationId: null } }, c.tokens.resident2),
        t.call(routes.claimWish, { params: { id }, body: { organisationId: c.organisations.jinguo } }, c.tokens['org-staff']),
      ]),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(ROUNDS);
    const losers = replies.filter((r) => r.status !== 200);
    expect(losers.map((r) => [r.status, r.error?.code])).toEqual(losers.map(() => [409, 'WISH_ALREADY_CLAIMED']));
    const rows = await t.db.run((em) => em.find(Wish, { where: ids.map((id) => ({ id })) }));
    for (const row of rows) {
      const winner = ok(replies.find((r) => r.status === 200 && ok(r).id === row.id)!);
      expect(row.state).toBe('claimed');
      expect(winner.claimedByMe).toBe(true);
      expect(row.claimerKind).toBe(winner.claimer!.kind);
    }
  });
});
