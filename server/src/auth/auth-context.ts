import type { Role } from '@linli/shared';

export interface GrantScope {
  role: Role;
  streetId: number | null;
  communityId: number | null;
  organisationId: number | null;
}

/** Who is calling, attached to the request by the auth guard. */
export interface AuthContext {
  userId: number;
  grants: GrantScope[];
  /** Set when the caller is a desk logged in by a phone's confirm (its desk_session). */
  sessionId?: number | null;
}
