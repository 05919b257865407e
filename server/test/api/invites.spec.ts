import { INVITE_CODE_ALPHABET, routes } from '@linli/shared';
import { Invite } from '../../src/adoption/invite.entity.js';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { RoleGrant } from '../../src/users/role-grant.entity.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('staff invites and grants', () => {
  let t: TestApp;
  let committee: string;
  let streetAdmin: string;
  let orgStaff: string;
  const community: Record<string, number> = {};
  const organisation: Record<string, number> = {};
  let streetId: number;
  let fresh = 0;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    streetAdmin = await t.login('street-admin');
    orgStaff = await t.login('org-staff');
    for (const c of ok(await t.call(routes.communities)).items) {
      community[c.name] = c.id;
      streetId = c.street.id;
    }
    for (const o of ok(await t.call(routes.organisations)).items) organisation[o.name] = o.id;
  });
  afterAll(() => t.close());

  const newUser = () => t.login({ openid: `invitee_${fresh++}`, nickname: `新同事${fresh}` });
  const count = (entity: typeof Invite | typeof RoleGrant | typeof AuditLog) => t.db.run((em) => em.count(entity));

  it('gives committee staff a one-time code for a colleague of their community, which makes them staff', async () => {
    const invite = ok(await t.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: community['幸福里社区'] } }, committee));
    expect(invite.code).toMatch(new RegExp(`^[${INVITE_CODE_ALPHABET}]{6}$`));
    expect(invite.code).not.toMatch(/[0O1lI]/);
    expect(invite).toMatchObject({ role: 'committee_staff', scope: { kind: 'community', name: '幸福里社区', streetName: '和平街道' }, scene: `i=${invite.code}`, image: null });
    expect(Math.abs(new Date(invite.expiresAt).getTime() - t.clock.now().getTime() - 7 * 24 * 3600 * 1000)).toBeLessThan(5000);

    // The accept page shows what it is, typed in lower case too.
    const shown = ok(await t.call(routes.showInvite, { params: { code: invite.code.toLowerCase() } }));
    expect(shown).toMatchObject({ role: 'committee_staff', scope: { name: '幸福里社区' }, inviterName: expect.any(String) });

    const colleague = await newUser();
    expect((await t.call(routes.listResidencyClaims, {}, colleague)).error?.code).toBe('FORBIDDEN');
    const grant = ok(await t.call(routes.acceptInvite, { params: { code: invite.code } }, colleague));
    expect(grant).toMatchObject({ role: 'committee_staff', scope: { kind: 'community', id: community['幸福里社区'], name: '幸福里社区' } });
    ok(await t.call(routes.listResidencyClaims, {}, colleague));

    const again = await t.call(routes.acceptInvite, { params: { code: invite.code } }, await newUser());
    expect([again.status, again.error?.code]).toEqual([409, 'INVITE_USED']);
    expect((await t.call(routes.showInvite, { params: { code: invite.code } })).error?.code).toBe('INVITE_USED');
  });

  it('refuses expired and unknown codes, changing nothing', async () => {
    const invite = ok(await t.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: community['幸福里社区'], expiresInDays: 1 } }, committee));
    t.clock.advance(24 * 3600 * 1000 + 1000);
    try {
      const grants = await count(RoleGrant);
      const expired = await t.call(routes.acceptInvite, { params: { code: invite.code } }, await newUser());
      expect([expired.status, expired.error?.code]).toEqual([410, 'INVITE_EXPIRED']);
      expect(expired.error?.message).toMatch(/过期/);
      expect(await count(RoleGrant)).toBe(grants);
    } finally {
      t.clock.reset();
    }
    const unknown = await t.call(routes.showInvite, { params: { code: 'ZZZZZZ' } });
    expect([unknown.status, unknown.error?.code]).toEqual([404, 'INVITE_NOT_FOUND']);
    expect((await t.call(routes.showInvite, { params: { code: 'ABC' } })).error?.code).toBe('VALIDATION_FAILED');
  });

  it('keeps each inviter to the roles and scopes they manage', async () => {
    const before = [await count(Invite), await count(AuditLog)];
    const refused = async (token: string, role: string, scopeId: number, code: string) => {
      const reply = await t.call(routes.createInvite, { body: { role: role as 'org_staff', scopeId } }, token);
      expect([role, scopeId, reply.error?.code]).toEqual([role, scopeId, code]);
    };
    // Committee of 幸福里 cannot invite for 长青里, nor a street admin, nor staff of an organisation not serving 幸福里.
    await refused(committee, 'committee_staff', community['长青里社区'], 'ROLE_NOT_GRANTABLE');
    await refused(committee, 'street_admin', streetId, 'ROLE_NOT_GRANTABLE');
    await refused(committee, 'org_staff', organisation['长青老年协会'], 'ROLE_NOT_GRANTABLE');
    // Organisation staff invite no one; a leader needs a volunteer team; the scope must exist.
    await refused(orgStaff, 'org_staff', organisation['和平街道巾帼志愿服务队'], 'ROLE_NOT_GRANTABLE');
    await refused(streetAdmin, 'team_leader', organisation['启航社会工作服务中心'], 'TEAM_LEADER_NEEDS_TEAM');
    await refused(streetAdmin, 'committee_staff', 99999, 'INVITE_SCOPE_NOT_FOUND');
    expect([await count(Invite), await count(AuditLog)]).toEqual(before);

    ok(await t.call(routes.createInvite, { body: { role: 'social_worker', scopeId: organisation['启航社会工作服务中心'] } }, committee));
    ok(await t.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: community['长青里社区'] } }, streetAdmin));
    ok(await t.call(routes.createInvite, { body: { role: 'street_admin', scopeId: streetId } }, streetAdmin));
  });

  it('lets a volunteer team leader invite staff of their own team only', async () => {
    const team = organisation['和平街道巾帼志愿服务队'];
    const invite = ok(await t.call(routes.createInvite, { body: { role: 'team_leader', scopeId: team } }, streetAdmin));
    const leader = await newUser();
    ok(await t.call(routes.acceptInvite, { params: { code: invite.code } }, leader));
    ok(await t.call(routes.createInvite, { body: { role: 'org_staff', scopeId: team } }, leader));
    expect((await t.call(routes.createInvite, { body: { role: 'org_staff', scopeId: organisation['启航社会工作服务中心'] } }, leader)).error?.code).toBe('ROLE_NOT_GRANTABLE');
    const grants = ok(await t.call(routes.listGrants, {}, leader));
    expect(grants.items.length).toBeGreaterThan(0);
    expect(grants.items.every((g) => g.scope.kind === 'organisation' && g.scope.id === team)).toBe(true);
  });

  it('lists grants within what the caller manages', async () => {
    const mine = ok(await t.call(routes.listGrants, { query: { pageSize: 100 } }, committee));
    const scopes = new Set(mine.items.map((g) => `${g.scope.kind}:${g.scope.name}`));
    expect(scopes.has('community:幸福里社区')).toBe(true);
    expect(scopes.has('organisation:和平街道巾帼志愿服务队')).toBe(true);
    expect([...scopes].some((s) => s.includes('长青') || s.startsWith('street:'))).toBe(false);

    const all = ok(await t.call(routes.listGrants, { query: { pageSize: 2 } }, streetAdmin));
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(mine.total);
    const admins = ok(await t.call(routes.listGrants, { query: { role: 'street_admin' } }, streetAdmin));
    expect(admins.items.map((g) => g.scope.name)).toEqual(['和平街道']);
    expect((await t.call(routes.listGrants, {}, orgStaff)).error?.code).toBe('OUT_OF_SCOPE');
  });

  it('revokes a grant at once, audit-logged, but never the last street admin', async () => {
    const invite = ok(await t.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: community['幸福里社区'] } }, committee));
    const colleague = await newUser();
    const grant = ok(await t.call(routes.acceptInvite, { params: { code: invite.code } }, colleague));
    ok(await t.call(routes.listResidencyClaims, {}, colleague));

    // Out of scope: the committee of 长青里 (the street admin invites one) cannot revoke a 幸福里 grant.
    const otherInvite = ok(await t.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: community['长青里社区'] } }, streetAdmin));
    const otherCommittee = await newUser();
    ok(await t.call(routes.acceptInvite, { params: { code: otherInvite.code } }, otherCommittee));
    expect((await t.call(routes.revokeGrant, { params: { id: grant.id } }, otherCommittee)).error?.code).toBe('ROLE_NOT_GRANTABLE');

    ok(await t.call(routes.revokeGrant, { params: { id: grant.id } }, committee));
    expect((await t.call(routes.listResidencyClaims, {}, colleague)).error?.code).toBe('FORBIDDEN');
    expect((await t.call(routes.revokeGrant, { params: { id: grant.id } }, committee)).error?.code).toBe('GRANT_NOT_FOUND');

    const admins = ok(await t.call(routes.listGrants, { query: { role: 'street_admin' } }, streetAdmin)).items;
    expect(admins).toHaveLength(1);
    const grants = await count(RoleGrant);
    const last = await t.call(routes.revokeGrant, { params: { id: admins[0].id } }, streetAdmin);
    expect([last.status, last.error?.code]).toEqual([409, 'LAST_STREET_ADMIN']);
    expect(await count(RoleGrant)).toBe(grants);

    const actions = (await t.db.run((em) => em.find(AuditLog, { where: { targetType: 'role_grant' } }))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['grant.accept_invite', 'grant.revoke']));
    const log = ok(await t.call(routes.auditLog, { query: { action: 'grant.revoke' } }, committee));
    expect(log.items[0]).toMatchObject({ action: 'grant.revoke', targetId: grant.id, communityName: '幸福里社区' });
  });

  it('gives one invite to exactly one of many people accepting at once', async () => {
    const invite = ok(await t.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: community['春晖园社区'] } }, streetAdmin));
    const people = await Promise.all(Array.from({ length: 12 }, () => newUser()));
    const replies = await Promise.all(people.map((p) => t.call(routes.acceptInvite, { params: { code: invite.code } }, p)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.error?.code === 'INVITE_USED')).toHaveLength(11);
    const held = await t.db.run((em) => em.countBy(RoleGrant, { role: 'committee_staff', communityId: community['春晖园社区'] }));
    expect(held).toBe(1);
  });

  it('leaves a street with one admin when two admins revoke each other at once', async () => {
    const invite = ok(await t.call(routes.createInvite, { body: { role: 'street_admin', scopeId: streetId } }, streetAdmin));
    const second = await newUser();
    const secondGrant = ok(await t.call(routes.acceptInvite, { params: { code: invite.code } }, second));
    const admins = ok(await t.call(routes.listGrants, { query: { role: 'street_admin' } }, streetAdmin)).items;
    expect(admins).toHaveLength(2);
    const firstGrant = admins.find((g) => g.id !== secondGrant.id)!;
    const replies = await Promise.all([
      t.call(routes.revokeGrant, { params: { id: secondGrant.id } }, streetAdmin),
      t.call(routes.revokeGrant, { params: { id: firstGrant.id } }, second),
    ]);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    // The loser is refused either as the last admin or, when its own grant went first, as no longer an admin.
    expect(replies.filter((r) => r.error && ['LAST_STREET_ADMIN', 'ROLE_NOT_GRANTABLE'].includes(r.error.code))).toHaveLength(1);
    expect(await t.db.run((em) => em.countBy(RoleGrant, { role: 'street_admin', streetId }))).toBe(1);
  });
});
