import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Database } from '../database/database.js';
import { Community } from './community.entity.js';
import { Household } from './household.entity.js';
import { OrganisationCommunity } from './organisation-community.entity.js';
import { Organisation } from './organisation.entity.js';
import { Street } from './street.entity.js';

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

  households(communityId: number, filter: { building?: string; unit?: string }): Promise<Household[]> {
    return this.db.run((em) =>
      em.find(Household, {
        where: { communityId, ...(filter.building && { building: filter.building }), ...(filter.unit && { unit: filter.unit }) },
        order: { id: 'ASC' },
      }),
    );
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
