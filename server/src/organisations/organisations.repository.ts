import { Injectable } from '@nestjs/common';
import type { OrganisationRegistryQuery } from '@linli/shared';
import { In } from 'typeorm';
import { Community } from '../communities/community.entity.js';
import { OrganisationCommunity } from '../communities/organisation-community.entity.js';
import { Organisation } from '../communities/organisation.entity.js';
import { Database } from '../database/database.js';

export type OrganisationValues = Omit<Organisation, 'id' | 'street'>;

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly db: Database) {}

  findById(id: number): Promise<Organisation | null> {
    return this.db.run((em) => em.findOneBy(Organisation, { id }));
  }

  findByIds(ids: number[]): Promise<Organisation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.run((em) => em.findBy(Organisation, { id: In(ids) }));
  }

  async insert(values: OrganisationValues): Promise<number> {
    return this.db.run(async (em) => (await em.insert(Organisation, values)).identifiers[0].id as number);
  }

  async update(id: number, patch: Partial<OrganisationValues>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.run((em) => em.update(Organisation, { id }, patch));
  }

  /**
   * The communities a new organisation may serve. Only inserts: a DELETE first (as `setCommunities` does) would take
   * gap locks on MySQL that deadlock concurrent creations.
   */
  async linkCommunities(organisationId: number, communityIds: number[]): Promise<void> {
    if (communityIds.length === 0) return;
    await this.db.run((em) => em.insert(OrganisationCommunity, communityIds.map((communityId) => ({ organisationId, communityId }))));
  }

  /** Replaces the communities an organisation is authorised to serve. */
  async setCommunities(organisationId: number, communityIds: number[]): Promise<void> {
    await this.db.run(async (em) => {
      await em.delete(OrganisationCommunity, { organisationId });
      if (communityIds.length) await em.insert(OrganisationCommunity, communityIds.map((communityId) => ({ organisationId, communityId })));
    });
  }

  communityIdsOf(organisationIds: number[]): Promise<Map<number, number[]>> {
    if (organisationIds.length === 0) return Promise.resolve(new Map());
    return this.db.run(async (em) => {
      const links = await em.find(OrganisationCommunity, { where: { organisationId: In(organisationIds) }, order: { communityId: 'ASC' } });
      const out = new Map<number, number[]>(organisationIds.map((id) => [id, []]));
      for (const l of links) out.get(l.organisationId)!.push(l.communityId);
      return out;
    });
  }

  /** Streets of these communities and organisations: where a committee or organisation staff member works. */
  streetsOf(ids: { communityIds: number[]; organisationIds: number[] }): Promise<number[]> {
    return this.db.run(async (em) => {
      const [communities, organisations] = await Promise.all([
        ids.communityIds.length ? em.find(Community, { select: { streetId: true }, where: { id: In(ids.communityIds) } }) : [],
        ids.organisationIds.length ? em.find(Organisation, { select: { streetId: true }, where: { id: In(ids.organisationIds) } }) : [],
      ]);
      return [...new Set([...communities, ...organisations].map((r) => r.streetId))];
    });
  }

  communitiesOfStreet(streetId: number, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.run(async (em) =>
      (await em.find(Community, { select: { id: true }, where: { id: In(ids), streetId } })).map((c) => c.id),
    );
  }

  page(streetIds: number[], query: OrganisationRegistryQuery): Promise<[Organisation[], number]> {
    return this.db.run((em) => {
      const qb = em.createQueryBuilder(Organisation, 'o').where('o.streetId IN (:...streetIds)', { streetIds });
      // A % or _ typed into the search box widens it a little; harmless, and both databases read LIKE alike.
      if (query.q) qb.andWhere('o.name LIKE :q', { q: `%${query.q}%` });
      if (query.type) qb.andWhere('o.type = :type', { type: query.type });
      if (query.legalStatus) qb.andWhere('o.legalStatus = :legalStatus', { legalStatus: query.legalStatus });
      if (query.stage) qb.andWhere('o.stage = :stage', { stage: query.stage });
      if (query.status === 'active') qb.andWhere('o.suspendedAt IS NULL');
      if (query.status === 'suspended') qb.andWhere('o.suspendedAt IS NOT NULL');
      if (query.communityId !== undefined) {
        qb.andWhere(
          'EXISTS (SELECT 1 FROM organisation_community oc WHERE oc.organisationId = o.id AND oc.communityId = :communityId)',
          { communityId: query.communityId },
        );
      }
      return qb
        .orderBy('o.id', 'ASC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getManyAndCount();
    });
  }
}
