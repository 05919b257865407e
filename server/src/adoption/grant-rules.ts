import { ROLE_SCOPE, type InvitableRole } from '@linli/shared';
import type { GrantScope } from '../auth/auth-context.js';
import type { ScopeTarget } from './adoption.repository.js';

const ORGANISATION_ROLES: readonly InvitableRole[] = ['org_staff', 'social_worker', 'team_leader'];

/**
 * Who may hand out (and take back) which role where:
 * - a street admin: any role anywhere in their street;
 * - committee staff: committee staff of their own community, and organisation roles in organisations that serve it;
 * - a volunteer team leader: staff and leaders of their own team;
 * - organisation staff and social workers: no one.
 */
export function mayGrant(grants: GrantScope[], role: InvitableRole, target: ScopeTarget): boolean {
  if (ROLE_SCOPE[role] !== target.kind) return false;
  return grants.some((g) => {
    switch (g.role) {
      case 'street_admin':
        return g.streetId === target.streetId;
      case 'committee_staff':
        if (g.communityId === null) return false;
        if (role === 'committee_staff') return target.id === g.communityId;
        return ORGANISATION_ROLES.includes(role) && target.servedCommunityIds.includes(g.communityId);
      case 'team_leader':
        return (role === 'org_staff' || role === 'team_leader') && target.id === g.organisationId;
      default:
        return false;
    }
  });
}
