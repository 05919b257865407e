import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Database } from '../database/database.js';
import { Community } from './community.entity.js';
import { Household } from './household.entity.js';
import { OrganisationCommunity } from './organisation-community.entity.js';
import { Organisation } from './organisation.entity.js';
import { Street } from './street.entity.js';

export interface HouseholdFilter {
  building?: string;
  unit?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class CommunitiesRepository {
  constructor(private readonly db: Database) {}

  listWithStreets(includeArchived = false): Promise<Community[]> {
    return this.db.run((em) =>
      em.find(Community, {
        where: includeArchived ? {} : { archivedAt: IsNull() },
        relations: { street: true },
        order: { streetId: 'ASC', id: 'ASC' },
      }),
    );
  }

  householdCounts(): Promise<Map<number, number>> {
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(Household, 'h')
        .select('h.communityId', 'communityId')
        .addSelect('COUNT(*)', 'count')
        .groupBy('h.communityId')
        .getRawMany<{ communityId: number; count: string | number }>();
      return new Map(rows.map((r) => [Number(r.communityId), Number(r.count)]));
    });
  }

  findById(id: number): Promise<Community | null> {
    return this.db.run((em) => em.findOneBy(Community, { id }));
  }

  communityIdsOfStreets(streetIds: number[]): Promise<number[]> {
    if (streetIds.length === 0) return Promise.resolve([]);
    return this.db.run(async (em) =>
      (await em.find(Community, { select: { id: true }, where: { streetId: In(streetIds) } })).map((c) => c.id),
    );
  }

  /** One page of households and how many match, in id order (stable across pages). */
  households(communityId: number, filter: HouseholdFilter): Promise<[Household[], number]> {
    return this.db.run((em) =>
      em.findAndCount(Household, {
        where: { communityId, ...(filter.building && { building: filter.building }), ...(filter.unit && { unit: filter.unit }) },
        order: { id: 'ASC' },
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      }),
    );
  }

  /** The distinct buildings of a community, or units of one building: read off the unique index's leading columns. */
  householdLevel(communityId: number, building?: string): Promise<string[]> {
    const column = building === undefined ? 'building' : 'unit';
    return this.db.run(async (em) => {
      const q = em.createQueryBuilder(Household, 'h').select(`DISTINCT h.${column}`, 'name').where('h.communityId = :communityId', { communityId });
      if (building !== undefined) q.andWhere('h.building = :building', { building });
      return (await q.orderBy('name', 'ASC').getRawMany<{ name: string }>()).map((r) => r.name);
    });
  }

  findHousehold(id: number): Promise<Household | null> {
    return this.db.run((em) => em.findOne(Household, { where: { id }, relations: { community: true } }));
  }

  organisations(): Promise<{ organisation: Organisation; communityIds: number[] }[]> {
    return this.db.run(async (em) => {
      const [organisations, links] = await Promise.all([
        em.find(Organisation, { order: { id: 'ASC' } }),
        em.find(OrganisationCommunity, { order: { communityId: 'ASC' } }),
      ]);
      return organisations.map((organisation) => ({
        organisation,
        communityIds: links.filter((l) => l.organisationId === organisation.id).map((l) => l.communityId),
      }));
    });
  }

  /**
   * Communities each of these organisations is authorised to serve. A suspended organisation serves none, so
   * its staff lose every organisation power (this is where AccessService learns what they may do).
   */
  communitiesServedBy(organisationIds: number[]): Promise<OrganisationCommunity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.db.run((em) =>
      em
        .createQueryBuilder(OrganisationCommunity, 'oc')
        .innerJoin(Organisation, 'o', 'o.id = oc.organisationId AND o.suspendedAt IS NULL')
        .where('oc.organisationId IN (:...organisationIds)', { organisationIds })
        .getMany(),
    );
  }

  /** Display names for the scopes named by role grants. */
  scopeNames(ids: { streetIds: number[]; communityIds: number[]; organisationIds: number[] }) {
    return this.db.run(async (em) => {
      const [streets, communities, organisations] = await Promise.all([
        ids.streetIds.length ? em.findBy(Street, { id: In(ids.streetIds) }) : [],
        ids.communityIds.length ? em.findBy(Community, { id: In(ids.communityIds) }) : [],
        ids.organisationIds.length ? em.findBy(Organisation, { id: In(ids.organisationIds) }) : [],
      ]);
      const names = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
      return { street: names(streets), community: names(communities), organisation: names(organisations) };
    });
  }
}
