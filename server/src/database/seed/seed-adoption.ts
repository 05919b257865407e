import { newInviteCode } from '../../adoption/invite-code.js';
import { Invite } from '../../adoption/invite.entity.js';
import { AuditRepository } from '../../audit/audit.repository.js';
import { RoleGrant } from '../../users/role-grant.entity.js';
import type { Database } from '../database.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo's staff history: the street admin invited the committee member (accepted a week ago), and the committee
 * has an open invite for a colleague, so the 人员 and 审计日志 pages have something to show. Audit rows go
 * through the repository, so they are chained like real ones.
 */
export async function seedDemoAdoption(
  db: Database,
  ids: { streetId: number; communityId: number; streetAdminId: number; committeeId: number },
  now: Date,
): Promise<void> {
  const audit = new AuditRepository(db);
  await db.run(async (em) => {
    const committeeGrant = await em.findOneByOrFail(RoleGrant, { userId: ids.committeeId, role: 'committee_staff' });
    const invite = (fields: Pick<Invite, 'inviterId' | 'createdAt' | 'expiresAt' | 'acceptedAt' | 'acceptedBy'>) =>
      em.save(em.create(Invite, { code: newInviteCode(), role: 'committee_staff', streetId: ids.streetId, communityId: ids.communityId, organisationId: null, ...fields }));
    const accepted = await invite({
      inviterId: ids.streetAdminId,
      createdAt: new Date(now.getTime() - 8 * DAY_MS),
      expiresAt: new Date(now.getTime() - DAY_MS),
      acceptedAt: new Date(now.getTime() - 7 * DAY_MS),
      acceptedBy: ids.committeeId,
    });
    const open = await invite({ inviterId: ids.committeeId, createdAt: now, expiresAt: new Date(now.getTime() + 7 * DAY_MS), acceptedAt: null, acceptedBy: null });
    const scope = `community:${ids.communityId}`;
    await audit.append({ actorId: ids.streetAdminId, action: 'invite.create', communityId: ids.communityId, targetType: 'invite', targetId: accepted.id, detail: { role: 'committee_staff', scope } });
    await audit.append({ actorId: ids.committeeId, action: 'grant.accept_invite', communityId: ids.communityId, targetType: 'role_grant', targetId: committeeGrant.id, detail: { inviteId: accepted.id, role: 'committee_staff', inviterId: ids.streetAdminId } });
    await audit.append({ actorId: ids.committeeId, action: 'invite.create', communityId: ids.communityId, targetType: 'invite', targetId: open.id, detail: { role: 'committee_staff', scope } });
  });
}
