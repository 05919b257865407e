import { Injectable } from '@nestjs/common';
import type { ClaimStatus } from '@linli/shared';
import { In } from 'typeorm';
import { Community } from '../communities/community.entity.js';
import { Database } from '../database/database.js';
import { OrganisationApplication } from './organisation-application.entity.js';

export type ApplicationWithCommunity = OrganisationApplication & { communityName: string };

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly db: Database) {}

  async insert(values: Omit<OrganisationApplication, 'id' | 'status' | 'reason' | 'organisationId' | 'deciderId' | 'decidedAt'>) {
    return this.db.run(
      async (em) =>
        (await em.insert(OrganisationApplication, { ...values, status: 'pending', reason: null, organisationId: null, deciderId: null, decidedAt: null }))
          .identifiers[0].id as number,
    );
  }

  findById(id: number): Promise<OrganisationApplication | null> {
    return this.db.run((em) => em.findOneBy(OrganisationApplication, { id }));
  }

  /** pending → approved or rejected, once: the conditional update is what two reviewers racing meet. */
  async decide(id: number, decision: { status: ClaimStatus; reason: string | null; deciderId: number; decidedAt: Date }): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em.update(OrganisationApplication, { id, status: 'pending' }, decision);
      return (result.affected ?? 0) === 1;
    });
  }

  async setOrganisation(id: number, organisationId: number): Promise<void> {
    await this.db.run((em) => em.update(OrganisationApplication, { id }, { organisationId }));
  }

  async page(
    where: { communityIds?: number[]; applicantId?: number; status?: ClaimStatus },
    page: number,
    pageSize: number,
  ): Promise<[ApplicationWithCommunity[], number]> {
    const [rows, total] = await this.db.run((em) =>
      em.findAndCount(OrganisationApplication, {
        where: {
          ...(where.communityIds && { communityId: In(where.communityIds) }),
          ...(where.applicantId !== undefined && { applicantId: where.applicantId }),
          ...(where.status && { status: where.status }),
        },
        order: { id: 'DESC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    );
    return [await this.withCommunityNames(rows), total];
  }

  async withCommunityNames(rows: OrganisationApplication[]): Promise<ApplicationWithCommunity[]> {
    const ids = [...new Set(rows.map((r) => r.communityId))];
    const communities = ids.length ? await this.db.run((em) => em.findBy(Community, { id: In(ids) })) : [];
    const names = new Map(communities.map((c) => [c.id, c.name]));
    return rows.map((r) => Object.assign(r, { communityName: names.get(r.communityId) ?? '' }));
  }
}
