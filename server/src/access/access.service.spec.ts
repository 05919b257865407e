import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import type { CommunitiesRepository } from '../communities/communities.repository.js';
import { AccessService } from './access.service.js';

const communitiesOfStreet: Record<number, number[]> = { 1: [1, 2, 3], 2: [7] };
/** Organisation 1 serves communities 1 and 2; organisation 2 serves 3. */
const served = [
  { organisationId: 1, communityId: 1 },
  { organisationId: 1, communityId: 2 },
  { organisationId: 2, communityId: 3 },
];
const repository = {
  communityIdsOfStreets: async (streetIds: number[]) => streetIds.flatMap((id) => communitiesOfStreet[id] ?? []),
  communitiesServedBy: async (orgIds: number[]) => served.filter((l) => orgIds.includes(l.organisationId)),
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

  describe('activities', () => {
    const socialWorker = user({ role: 'social_worker', organisationId: 1 });

    it('lets committee staff organise in their community only, as the committee', async () => {
      const committee = user({ role: 'committee_staff', communityId: 1 });
      await expect(access.assertMayOrganise(committee, 1, null)).resolves.toBeUndefined();
      await expect(access.assertMayOrganise(committee, 2, null)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
      await expect(access.assertMayOrganise(committee, 1, 1)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    });

    it('lets organisation staff organise for their organisation where it serves', async () => {
      await expect(access.assertMayOrganise(socialWorker, 2, 1)).resolves.toBeUndefined();
      await expect(access.assertMayOrganise(socialWorker, 3, 1)).rejects.toMatchObject({ code: 'ORGANISATION_NOT_SERVING' });
      await expect(access.assertMayOrganise(socialWorker, 3, 2)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
      await expect(access.assertMayOrganise(socialWorker, 1, null)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    });

    it('gives managers their own activities: community staff all in the community, organisations their own', async () => {
      expect(await access.canManageActivity(socialWorker, { communityId: 1, organisationId: 1 })).toBe(true);
      expect(await access.canManageActivity(socialWorker, { communityId: 1, organisationId: null })).toBe(false);
      expect(await access.canManageActivity(socialWorker, { communityId: 3, organisationId: 1 })).toBe(false);
      const admin = user({ role: 'street_admin', streetId: 1 });
      expect(await access.canManageActivity(admin, { communityId: 3, organisationId: 2 })).toBe(true);
      expect(await access.canManageActivity(admin, { communityId: 7, organisationId: null })).toBe(false);
      expect(await access.canManageActivity(user({ role: 'volunteer' }), { communityId: 1, organisationId: null })).toBe(false);
    });
  });
});
