import { Injectable } from '@nestjs/common';
import type { VoterMode } from '@linli/shared';
import type { SelectQueryBuilder } from 'typeorm';
import { Household } from '../communities/household.entity.js';
import { Database } from '../database/database.js';
import { ResidencyClaim } from '../residency/residency-claim.entity.js';
import { Residency } from '../residency/residency.entity.js';
import { User } from '../users/user.entity.js';

export interface Home {
  householdId: number;
  building: string;
}

/** Who may vote: verified residents (residency rows) of a community, optionally of some buildings only. */
@Injectable()
export class ElectorateRepository {
  constructor(private readonly db: Database) {}

  /** The user's verified homes in a community: one query on residency's (userId, householdId) key. */
  homesOf(userId: number, communityId: number): Promise<Home[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(Residency, 'r')
        .innerJoin(Household, 'h', 'h.id = r.householdId')
        .select(['r.householdId AS householdId', 'h.building AS building'])
        .where('r.userId = :userId AND r.communityId = :communityId', { userId, communityId })
        .orderBy('r.householdId', 'ASC')
        .getRawMany<Home>()
        .then((rows) => rows.map((r) => ({ householdId: Number(r.householdId), building: r.building }))),
    );
  }

  /** Eligible persons, or households with at least one verified resident, right now. */
  eligibleCount(communityId: number, buildings: string[], mode: VoterMode): Promise<number> {
    return this.db.run(async (em) => {
      const q = this.electorate(em.createQueryBuilder(Residency, 'r'), communityId, buildings).select(
        mode === 'person' ? 'COUNT(DISTINCT r.userId)' : 'COUNT(DISTINCT r.householdId)',
        'n',
      );
      return Number((await q.getRawOne<{ n: string | number }>())?.n ?? 0);
    });
  }

  /** Eligible persons and households of whole communities, in one grouped count (communities with none are left out). */
  eligibleCounts(communityIds: number[]): Promise<Map<number, Record<VoterMode, number>>> {
    if (communityIds.length === 0) return Promise.resolve(new Map());
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(Residency, 'r')
        .select('r.communityId', 'communityId')
        .addSelect('COUNT(DISTINCT r.userId)', 'person')
        .addSelect('COUNT(DISTINCT r.householdId)', 'household')
        .where('r.communityId IN (:...communityIds)', { communityIds })
        .groupBy('r.communityId')
        .getRawMany<{ communityId: string | number; person: string | number; household: string | number }>();
      return new Map(rows.map((r) => [Number(r.communityId), { person: Number(r.person), household: Number(r.household) }]));
    });
  }

  /** Every eligible person (to tell them a poll opened or its result is out). */
  eligibleUserIds(communityId: number, buildings: string[]): Promise<number[]> {
    return this.db.run(async (em) => {
      const rows = await this.electorate(em.createQueryBuilder(Residency, 'r'), communityId, buildings)
        .select('DISTINCT r.userId', 'userId')
        .getRawMany<{ userId: number }>();
      return rows.map((r) => Number(r.userId));
    });
  }

  household(id: number): Promise<Household | null> {
    return this.db.run((em) => em.findOneBy(Household, { id }));
  }

  /** A household's verified residents with the name the committee knows them by (the claim's real name). */
  residentsOf(householdId: number): Promise<{ userId: number; name: string }[]> {
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(Residency, 'r')
        .innerJoin(User, 'u', 'u.id = r.userId')
        .leftJoin(ResidencyClaim, 'c', "c.userId = r.userId AND c.householdId = r.householdId AND c.status = 'approved'")
        .select(['r.userId AS userId', 'u.nickname AS nickname', 'c.realName AS realName'])
        .where('r.householdId = :householdId', { householdId })
        .orderBy('r.userId', 'ASC')
        .getRawMany<{ userId: number; nickname: string; realName: string | null }>();
      return rows.map((r) => ({ userId: Number(r.userId), name: r.realName ?? r.nickname }));
    });
  }

  private electorate(q: SelectQueryBuilder<Residency>, communityId: number, buildings: string[]) {
    q.where('r.communityId = :communityId', { communityId });
    if (buildings.length) q.innerJoin(Household, 'h', 'h.id = r.householdId AND h.building IN (:...buildings)', { buildings });
    return q;
  }
}
