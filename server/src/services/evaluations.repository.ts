import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database, isUniqueViolation } from '../database/database.js';
import { AppError } from '../common/app-error.js';
import { User } from '../users/user.entity.js';
import { ServiceEvaluation } from './service-evaluation.entity.js';

@Injectable()
export class EvaluationsRepository {
  constructor(private readonly db: Database) {}

  /** One evaluation per stage: the unique key decides between two evaluators submitting at once. */
  async insert(values: Omit<ServiceEvaluation, 'id'>): Promise<number> {
    try {
      return await this.db.run(async (em) => (await em.insert(ServiceEvaluation, values)).identifiers[0].id as number);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('SERVICE_EVALUATION_DUPLICATE');
      throw error;
    }
  }

  /** A contract's evaluations with their evaluators' names. */
  async ofContract(contractId: number): Promise<(ServiceEvaluation & { evaluatorName: string })[]> {
    return this.db.run(async (em) => {
      const rows = await em.find(ServiceEvaluation, { where: { contractId }, order: { id: 'ASC' } });
      const users = rows.length ? await em.find(User, { select: { id: true, nickname: true }, where: { id: In(rows.map((r) => r.evaluatorId)) } }) : [];
      const nameOf = new Map(users.map((u) => [u.id, u.nickname]));
      return rows.map((r) => ({ ...r, evaluatorName: nameOf.get(r.evaluatorId) ?? '' }));
    });
  }
}
