import { Injectable } from '@nestjs/common';
import type { ServiceCategory, ServiceRequestState } from '@linli/shared';
import { Brackets, In, type SelectQueryBuilder } from 'typeorm';
import { Database } from '../database/database.js';
import { ServiceRequest } from './service-request.entity.js';

export type NewServiceRequest = Omit<
  ServiceRequest,
  'id' | 'state' | 'declineReason' | 'assigneeKind' | 'assigneeUserId' | 'assigneeOrganisationId' | 'doneNote' | 'rating' | 'comment' | 'updatedAt'
>;

export interface ServiceRequestFilter {
  /** Whose requests: one of these is required. */
  mine?: { userId: number; householdIds: number[] };
  assigned?: { userId: number; organisationIds: number[] };
  communityIds?: number[];
  states?: ServiceRequestState[];
  category?: ServiceCategory;
  /** Only requests still submitted and created before this instant (overdue). */
  submittedBefore?: Date;
}

@Injectable()
export class ServiceRequestsRepository {
  constructor(private readonly db: Database) {}

  async insert(values: NewServiceRequest): Promise<number> {
    return this.db.run(
      async (em) =>
        (
          await em.insert(ServiceRequest, {
            ...values,
            state: 'submitted',
            declineReason: null,
            assigneeKind: null,
            assigneeUserId: null,
            assigneeOrganisationId: null,
            doneNote: null,
            rating: null,
            comment: null,
            updatedAt: values.createdAt,
          })
        ).identifiers[0].id as number,
    );
  }

  findById(id: number): Promise<ServiceRequest | null> {
    return this.db.run((em) => em.findOneBy(ServiceRequest, { id }));
  }

  /**
   * Moves a request on only from a state it may leave by this step: the conditional update is what two staff
   * assigning at once meet (one changes the row, the other changes nothing and is told so).
   */
  async transition(id: number, from: ServiceRequestState[], values: Partial<ServiceRequest> & { state: ServiceRequestState }): Promise<boolean> {
    const result = await this.db.run((em) => em.update(ServiceRequest, { id, state: In(from) }, values));
    return (result.affected ?? 0) === 1;
  }

  async page(filter: ServiceRequestFilter, page: number, pageSize: number): Promise<[ServiceRequest[], number]> {
    return this.db.run((em) => {
      const q = em.createQueryBuilder(ServiceRequest, 'r');
      this.where(q, filter);
      return q
        .orderBy('r.id', 'DESC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
    });
  }

  private where(q: SelectQueryBuilder<ServiceRequest>, f: ServiceRequestFilter): void {
    q.where('1 = 1');
    if (f.mine) {
      const { userId, householdIds } = f.mine;
      q.andWhere(
        new Brackets((b) => {
          b.where('r.requesterId = :userId', { userId });
          if (householdIds.length) b.orWhere('r.householdId IN (:...householdIds)', { householdIds });
        }),
      );
    }
    if (f.assigned) {
      const { userId, organisationIds } = f.assigned;
      q.andWhere(
        new Brackets((b) => {
          b.where('r.assigneeUserId = :assigneeId', { assigneeId: userId });
          if (organisationIds.length) b.orWhere('r.assigneeOrganisationId IN (:...organisationIds)', { organisationIds });
        }),
      );
    }
    if (f.communityIds) q.andWhere('r.communityId IN (:...communityIds)', { communityIds: f.communityIds.length ? f.communityIds : [0] });
    if (f.states) q.andWhere('r.state IN (:...states)', { states: f.states });
    if (f.category) q.andWhere('r.category = :category', { category: f.category });
    if (f.submittedBefore) q.andWhere("r.state = 'submitted' AND r.createdAt < :before", { before: f.submittedBefore });
  }
}
