import type { AuthContext } from '../auth/auth-context.js';
import { memberOrganisations } from '../service-requests/community-people.repository.js';
import type { Wish } from './wish.entity.js';

/** Whether the caller holds the claim: the resident who claimed it, or a member of the claiming team or organisation. */
export function isClaimer(auth: AuthContext, wish: Wish): boolean {
  if (wish.claimerOrganisationId !== null) return memberOrganisations(auth.grants).includes(wish.claimerOrganisationId);
  return wish.claimerUserId === auth.userId;
}
