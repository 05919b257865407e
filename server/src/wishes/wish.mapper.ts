import { Injectable } from '@nestjs/common';
import type { Wish as WishDto } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CommunityPeopleRepository } from '../service-requests/community-people.repository.js';
import { maskName } from './mask-name.js';
import { isClaimer } from './wish-claimer.js';
import type { Wish } from './wish.entity.js';

/** Wishes as the API answers them: the person masked except for the staff who manage the wish. */
@Injectable()
export class WishMapper {
  constructor(
    private readonly people: CommunityPeopleRepository,
    private readonly access: AccessService,
  ) {}

  async one(auth: AuthContext, wish: Wish): Promise<WishDto> {
    return (await this.many(auth, [wish]))[0];
  }

  async many(auth: AuthContext, rows: Wish[]): Promise<WishDto[]> {
    const [managed, communities, users, organisations] = await Promise.all([
      this.access.residentAdminCommunities(auth),
      this.people.communityNames(rows.map((w) => w.communityId)),
      this.people.userNames(rows.flatMap((w) => (w.claimerUserId !== null ? [w.claimerUserId] : []))),
      this.people.organisations(rows.flatMap((w) => (w.claimerOrganisationId !== null ? [w.claimerOrganisationId] : []))),
    ]);
    return rows.map((w) => {
      const manages = managed.has(w.communityId);
      const mine = w.state !== 'published' && isClaimer(auth, w);
      const claimerName =
        w.claimerOrganisationId !== null
          ? (organisations.get(w.claimerOrganisationId)?.name ?? '')
          : w.claimerUserId !== null
            ? // A resident giver is named in full only to staff and to themselves.
              manages || mine
              ? (users.get(w.claimerUserId) ?? '')
              : maskName(users.get(w.claimerUserId) ?? '')
            : '';
      return {
        id: w.id,
        communityId: w.communityId,
        communityName: communities.get(w.communityId) ?? '',
        beneficiary: maskName(w.beneficiaryName),
        beneficiaryName: manages ? w.beneficiaryName : null,
        title: w.title,
        story: w.story,
        state: w.state,
        claimer: w.claimerKind ? { kind: w.claimerKind, name: claimerName } : null,
        claimedByMe: mine,
        deliveryNote: w.deliveryNote,
        createdAt: w.createdAt.toISOString(),
        claimedAt: w.claimedAt?.toISOString() ?? null,
        deliveredAt: w.deliveredAt?.toISOString() ?? null,
        confirmedAt: w.confirmedAt?.toISOString() ?? null,
        actions: [
          ...(w.state === 'published' ? (['claim'] as const) : []),
          ...(w.state === 'claimed' && mine ? (['deliver'] as const) : []),
          ...(w.state === 'delivered' && manages ? (['confirm'] as const) : []),
        ],
      };
    });
  }
}
