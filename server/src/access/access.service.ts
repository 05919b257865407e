import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';

/**
 * Every scope decision in one place. Committee staff act in their community; a street admin in every
 * community of their street. (Organisation roles act in the communities their organisation serves; the
 * activities issue adds those checks here.)
 */
@Injectable()
export class AccessService {
  constructor(private readonly communities: CommunitiesRepository) {}

  /** Communities whose residents this user may verify and whose census they may import. */
  async residentAdminCommunities(auth: AuthContext): Promise<Set<number>> {
    const ids = new Set<number>();
    for (const g of auth.grants) if (g.role === 'committee_staff' && g.communityId !== null) ids.add(g.communityId);
    const streetIds = auth.grants.filter((g) => g.role === 'street_admin' && g.streetId !== null).map((g) => g.streetId!);
    for (const id of await this.communities.communityIdsOfStreets(streetIds)) ids.add(id);
    return ids;
  }

  async assertResidentAdmin(auth: AuthContext, communityId: number): Promise<void> {
    if (!(await this.residentAdminCommunities(auth)).has(communityId)) throw new AppError('OUT_OF_SCOPE');
  }
}
