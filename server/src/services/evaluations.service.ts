import { Injectable } from '@nestjs/common';
import type { CreateServiceEvaluation, ServiceEvaluation as EvaluationDto } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { ContractsService } from './contracts.service.js';
import { ServiceAccess } from './service-access.js';
import { EvaluationsRepository } from './evaluations.repository.js';

/** Mid-term and final evaluations: by the evaluator's staff, or by the buyer when the contract names no evaluator. */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly db: Database,
    private readonly contracts: ContractsService,
    private readonly repo: EvaluationsRepository,
    private readonly serviceAccess: ServiceAccess,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, contractId: number, input: CreateServiceEvaluation): Promise<EvaluationDto> {
    const scope = await this.serviceAccess.scope(auth);
    const contract = await this.contracts.readable(scope, contractId);
    const allowed = contract.evaluatorId !== null ? this.serviceAccess.evaluates(scope, contract) : this.serviceAccess.manages(scope, contract);
    if (!allowed) throw new AppError('OUT_OF_SCOPE');
    const id = await this.db.transaction(async () => {
      const created = await this.repo.insert({
        contractId,
        stage: input.stage,
        scores: JSON.stringify(input.scores),
        satisfaction: input.satisfaction,
        comments: input.comments,
        evaluatorId: auth.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_evaluation.create',
        communityId: contract.communityId,
        streetId: contract.streetId,
        targetType: 'service_contract',
        targetId: contractId,
        detail: { stage: input.stage, satisfaction: input.satisfaction },
      });
      return created;
    });
    return (await this.rows(contractId)).find((e) => e.id === id)!;
  }

  async list(auth: AuthContext, contractId: number): Promise<{ items: EvaluationDto[] }> {
    await this.contracts.readable(await this.serviceAccess.scope(auth), contractId);
    return { items: await this.rows(contractId) };
  }

  private async rows(contractId: number): Promise<EvaluationDto[]> {
    return (await this.repo.ofContract(contractId)).map((r) => {
      const scores = JSON.parse(r.scores) as EvaluationDto['scores'];
      return {
        id: r.id,
        contractId: r.contractId,
        stage: r.stage,
        scores,
        total: scores.reduce((sum, s) => sum + s.score, 0),
        satisfaction: r.satisfaction,
        comments: r.comments,
        evaluator: { id: r.evaluatorId, name: r.evaluatorName },
        createdAt: r.createdAt.toISOString(),
      };
    });
  }
}
