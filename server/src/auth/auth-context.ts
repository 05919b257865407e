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
}
