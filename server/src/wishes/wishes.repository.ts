import { Injectable } from '@nestjs/common';
import type { WishState } from '@linli/shared';
import { Brackets } from 'typeorm';
import { Database } from '../database/database.js';
import { Wish } from './wish.entity.js';

export type NewWish = Pick<Wish, 'communityId' | 'householdId' | 'beneficiaryName' | 'title' | 'story' | 'createdBy' | 'createdAt'>;

export interface WishFilter {
  communityIds?: number[];
  claimedBy?: { userId: number; organisationIds: number[] };
  state?: WishState;
}

@Injectable()
export class WishesRepository {
  constructor(private readonly db: Database) {}

  async insert(values: NewWish): Promise<number> {
    return this.db.run(
      async (em) =>
        (
          await em.insert(Wish, {
            ...values,
            state: 'published',
            claimerKind: null,
            claimerUserId: null,
            claimerOrganisationId: null,
            deliveryNote: null,
            claimedAt: null,
            deliveredAt: null,
            confirmedAt: null,
          })
        ).identifiers[0].id as number,
    );
  }

  findById(id: number): Promise<Wish | null> {
    return this.db.run((em) => em.findOneBy(Wish, { id }));
  }

  /** Moves a wish on only from `from`: two claimers tapping at once meet here, and exactly one changes the row. */
  async transition(id: number, from: WishState, values: Partial<Wish> & { state: WishState }): Promise<boolean> {
    const result = await this.db.run((em) => em.update(Wish, { id, state: from }, values));
    return (result.affected ?? 0) === 1;
  }

  async page(filter: WishFilter, page: number, pageSize: number): Promise<[Wish[], number]> {
    return this.db.run((em) => {
      const q = em.createQueryBuilder(Wish, 'w').where('1 = 1');
      if (filter.communityIds) q.andWhere('w.communityId IN (:...communityIds)', { communityIds: filter.communityIds.length ? filter.communityIds : [0] });
      if (filter.claimedBy) {
        const { userId, organisationIds } = filter.claimedBy;
        q.andWhere(
          new Brackets((b) => {
            b.where('w.claimerUserId = :userId', { userId });
            if (organisationIds.length) b.orWhere('w.claimerOrganisationId IN (:...organisationIds)', { organisationIds });
          }),
        );
      }
      if (filter.state) q.andWhere('w.state = :state', { state: filter.state });
      return q
        .orderBy('w.id', 'DESC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
    });
  }
}
