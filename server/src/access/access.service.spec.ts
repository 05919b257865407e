import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import type { CommunitiesRepository } from '../communities/communities.repository.js';
import { AccessService } from './access.service.js';

const communitiesOfStreet: Record<number, number[]> = { 1: [1, 2, 3], 2: [7] };
const repository = {
  communityIdsOfStreets: async (streetIds: number[]) => streetIds.flatMap((id) => communitiesOfStreet[id] ?? []),
} as unknown as CommunitiesRepository;

function user(...grants: Partial<AuthContext['grants'][number]>[]): AuthContext {
  return {
    userId: 1,
    grants: grants.map((g) => ({ role: 'volunteer', streetId: null, communityId: null, organisationId: null, ...g })),
  };
}

describe('AccessService', () => {
  const access = new AccessService(repository);

  it('gives committee staff their own community only', async () => {
    expect(await access.residentAdminCommunities(user({ role: 'committee_staff', communityId: 2 }))).toEqual(new Set([2]));
  });

  it('gives a street admin every community of the street, alongside other grants', async () => {
    const both = user({ role: 'street_admin', streetId: 1 }, { role: 'committee_staff', communityId: 7 });
    expect(await access.residentAdminCommunities(both)).toEqual(new Set([1, 2, 3, 7]));
  });

  it('gives organisation staff, social workers and volunteers no resident administration', async () => {
    const others = user({ role: 'social_worker', organisationId: 1 }, { role: 'org_staff', organisationId: 2 }, { role: 'volunteer' });
    expect(await access.residentAdminCommunities(others)).toEqual(new Set());
    await expect(access.assertResidentAdmin(others, 1)).rejects.toEqual(new AppError('OUT_OF_SCOPE'));
  });

  it('refuses committee staff of community A on community B', async () => {
    await expect(access.assertResidentAdmin(user({ role: 'committee_staff', communityId: 1 }), 2)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await expect(access.assertResidentAdmin(user({ role: 'committee_staff', communityId: 1 }), 1)).resolves.toBeUndefined();
  });
});
