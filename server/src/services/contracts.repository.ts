import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Community } from '../communities/community.entity.js';
import { OrganisationCommunity } from '../communities/organisation-community.entity.js';
import { Organisation } from '../communities/organisation.entity.js';
import { Street } from '../communities/street.entity.js';
import { Database } from '../database/database.js';
import { ServiceContract } from './service-contract.entity.js';
import { ServiceItem } from './service-item.entity.js';

export type ContractValues = Omit<ServiceContract, 'id' | 'provider' | 'version'>;

export interface ContractFilter {
  communities: number[];
  streets: number[];
  organisations: number[];
  communityId?: number;
  /** Compared with the period: active, ended or upcoming on this day. */
  status?: { kind: 'active' | 'ended' | 'upcoming'; today: string };
}

@Injectable()
export class ContractsRepository {
  constructor(private readonly db: Database) {}

  findById(id: number): Promise<ServiceContract | null> {
    return this.db.run((em) => em.findOneBy(ServiceContract, { id }));
  }

  async insert(values: ContractValues): Promise<number> {
    return this.db.run(async (em) => (await em.insert(ServiceContract, { ...values, version: 1 })).identifiers[0].id as number);
  }

  /** An edit based on `version`: applies only when nobody edited since (false otherwise). */
  async updateVersioned(id: number, version: number, patch: Partial<ContractValues>): Promise<boolean> {
    return this.db.run(async (em) => ((await em.update(ServiceContract, { id, version }, { ...patch, version: version + 1 })).affected ?? 0) === 1);
  }

  async delete(id: number): Promise<void> {
    await this.db.run((em) => em.delete(ServiceContract, { id }));
  }

  /** Contracts the caller buys (community or street), provides or evaluates. */
  page(filter: ContractFilter, page: number, pageSize: number): Promise<[ServiceContract[], number]> {
    return this.db.run((em) => {
      const qb = em.createQueryBuilder(ServiceContract, 'c');
      const who: string[] = [];
      if (filter.communities.length) who.push('c.communityId IN (:...communities)');
      if (filter.streets.length) who.push('(c.communityId IS NULL AND c.streetId IN (:...streets))');
      if (filter.organisations.length) who.push('c.providerId IN (:...organisations) OR c.evaluatorId IN (:...organisations)');
      if (filter.communities.length) {
        who.push('EXISTS (SELECT 1 FROM service_item i WHERE i.contractId = c.id AND i.communityId IN (:...communities))');
      }
      qb.where(who.length ? `(${who.join(' OR ')})` : '1 = 0', filter);
      if (filter.communityId !== undefined) qb.andWhere('c.communityId = :communityId', { communityId: filter.communityId });
      const s = filter.status;
      if (s?.kind === 'active') qb.andWhere('c.periodStart <= :today AND c.periodEnd >= :today', { today: s.today });
      if (s?.kind === 'ended') qb.andWhere('c.periodEnd < :today', { today: s.today });
      if (s?.kind === 'upcoming') qb.andWhere('c.periodStart > :today', { today: s.today });
      return qb
        .orderBy('c.periodEnd', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
    });
  }

  async itemCounts(contractIds: number[]): Promise<Map<number, number>> {
    if (contractIds.length === 0) return new Map();
    const rows = await this.db.run((em) =>
      em
        .createQueryBuilder(ServiceItem, 'i')
        .select('i.contractId', 'contractId')
        .addSelect('COUNT(*)', 'n')
        .where('i.contractId IN (:...contractIds)', { contractIds })
        .groupBy('i.contractId')
        .getRawMany<{ contractId: number; n: number | string }>(),
    );
    return new Map(rows.map((r) => [Number(r.contractId), Number(r.n)]));
  }

  /** Of these organisations, those not suspended. */
  async activeOrganisations(ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.run((em) => em.find(Organisation, { select: { id: true }, where: { id: In(ids), suspendedAt: IsNull() } }));
    return rows.map((o) => o.id);
  }

  organisations(ids: number[]): Promise<Organisation[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.db.run((em) => em.findBy(Organisation, { id: In(unique) }));
  }

  communities(ids: number[]): Promise<Community[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.db.run((em) => em.findBy(Community, { id: In(unique) }));
  }

  streets(ids: number[]): Promise<Street[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.db.run((em) => em.findBy(Street, { id: In(unique) }));
  }

  /** Whether the organisation is authorised to serve the community. */
  async serves(organisationId: number, communityId: number): Promise<boolean> {
    return this.db.run((em) => em.existsBy(OrganisationCommunity, { organisationId, communityId }));
  }
}
