import { Injectable } from '@nestjs/common';
import type { CreateServiceContract, Page, ServiceContract as ContractDto, ServiceContractQuery, UpdateServiceContract } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { ContractsRepository, type ContractValues } from './contracts.repository.js';
import { chinaDay } from './days.js';
import { ItemsRepository } from './items.repository.js';
import { isForeignKeyViolation } from './foreign-key.js';
import { ProgressRepository } from './progress.repository.js';
import { ServiceAccess, type ServiceScope } from './service-access.js';
import type { ServiceContract } from './service-contract.entity.js';
import { toContract } from './services.mapper.js';

/** Service contracts: the buyer (committee or street admin) keeps them; provider and evaluator read them. */
@Injectable()
export class ContractsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ContractsRepository,
    private readonly items: ItemsRepository,
    private readonly progress: ProgressRepository,
    private readonly access: AccessService,
    private readonly serviceAccess: ServiceAccess,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, input: CreateServiceContract): Promise<ContractDto> {
    const scope = await this.serviceAccess.scope(auth);
    let streetId: number;
    if (input.communityId !== null) {
      const [community] = await this.repo.communities([input.communityId]);
      if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
      if (!scope.communities.has(community.id)) throw new AppError('OUT_OF_SCOPE');
      streetId = community.streetId;
    } else {
      streetId = this.access.streetToManage(auth, input.streetId);
    }
    assertPeriod(input.periodStart, input.periodEnd);
    await this.assertParties(streetId, input.communityId, input.providerId, input.evaluatorId);
    const values: ContractValues = {
      title: input.title,
      streetId,
      communityId: input.communityId,
      providerId: input.providerId,
      evaluatorId: input.evaluatorId,
      type: input.type,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      amountFen: input.amountFen,
      createdBy: auth.userId,
      createdAt: this.clock.now(),
    };
    const id = await this.db.transaction(async () => {
      const created = await this.repo.insert(values);
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_contract.create',
        communityId: input.communityId,
        streetId,
        targetType: 'service_contract',
        targetId: created,
        detail: { title: input.title, providerId: input.providerId, amountFen: input.amountFen },
      });
      return created;
    });
    return this.get(auth, id);
  }

  async list(auth: AuthContext, query: ServiceContractQuery): Promise<Page<ContractDto>> {
    const scope = await this.serviceAccess.scope(auth);
    const today = chinaDay(this.clock.now());
    const [rows, total] = await this.repo.page(
      {
        communities: [...scope.communities],
        streets: [...scope.streets],
        organisations: [...scope.organisations],
        communityId: query.communityId,
        status: query.status && { kind: query.status, today },
      },
      query.page,
      query.pageSize,
    );
    return { items: await this.details(scope, rows), total, page: query.page, pageSize: query.pageSize };
  }

  async get(auth: AuthContext, id: number): Promise<ContractDto> {
    const scope = await this.serviceAccess.scope(auth);
    const contract = await this.readable(scope, id);
    return (await this.details(scope, [contract]))[0];
  }

  /** A contract the caller may read; outside their scope it does not exist for them. */
  async readable(scope: ServiceScope, id: number): Promise<ServiceContract> {
    const contract = await this.repo.findById(id);
    if (!contract) throw new AppError('SERVICE_CONTRACT_NOT_FOUND');
    if (this.serviceAccess.reads(scope, contract)) return contract;
    const items = await this.items.byContract(id);
    if (!this.serviceAccess.reads(scope, contract, items.map((i) => i.communityId))) throw new AppError('SERVICE_CONTRACT_NOT_FOUND');
    return contract;
  }

  async update(auth: AuthContext, id: number, input: UpdateServiceContract): Promise<ContractDto> {
    const scope = await this.serviceAccess.scope(auth);
    const contract = await this.readable(scope, id);
    this.serviceAccess.assertManages(scope, contract);
    const { version, ...fields } = input;
    const periodStart = fields.periodStart ?? contract.periodStart;
    const periodEnd = fields.periodEnd ?? contract.periodEnd;
    assertPeriod(periodStart, periodEnd);
    if (fields.evaluatorId !== undefined) await this.assertParties(contract.streetId, contract.communityId, contract.providerId, fields.evaluatorId);
    await this.db.transaction(async () => {
      // The version check is the lock: a racing log for a day the new period leaves out is caught by the period
      // check on the log side (which reads the contract it will be counted under).
      if (!(await this.repo.updateVersioned(id, version, fields))) throw new AppError('SERVICE_EDIT_CONFLICT');
      if (fields.periodStart !== undefined || fields.periodEnd !== undefined) {
        const logged = await this.progress.loggedDays(id);
        if ((logged.first !== null && logged.first < periodStart) || (logged.last !== null && logged.last > periodEnd)) {
          throw new AppError('SERVICE_PERIOD_EXCLUDES_LOGS');
        }
      }
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_contract.update',
        communityId: contract.communityId,
        streetId: contract.streetId,
        targetType: 'service_contract',
        targetId: id,
        detail: { changes: fields },
      });
    });
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: number): Promise<{ ok: true }> {
    const scope = await this.serviceAccess.scope(auth);
    const contract = await this.readable(scope, id);
    this.serviceAccess.assertManages(scope, contract);
    const items = await this.items.byContract(id);
    if (await this.items.hasLogs(items.map((i) => i.id))) throw new AppError('SERVICE_HAS_LOGS');
    try {
      await this.db.transaction(async () => {
        for (const item of items) await this.items.delete(item.id);
        await this.repo.delete(id);
        await this.audit.append({
          actorId: auth.userId,
          action: 'service_contract.delete',
          communityId: contract.communityId,
          streetId: contract.streetId,
          targetType: 'service_contract',
          targetId: id,
          detail: { title: contract.title },
        });
      });
    } catch (error) {
      // A log (or a new item) that arrived after the check: the foreign keys refuse the delete.
      if (isForeignKeyViolation(error)) throw new AppError('SERVICE_HAS_LOGS');
      throw error;
    }
    return { ok: true };
  }

  async details(scope: ServiceScope, rows: ServiceContract[]): Promise<ContractDto[]> {
    const [organisations, communities, streets, counts] = await Promise.all([
      this.repo.organisations(rows.flatMap((c) => (c.evaluatorId === null ? [c.providerId] : [c.providerId, c.evaluatorId]))),
      this.repo.communities(rows.map((c) => c.communityId).filter((c): c is number => c !== null)),
      this.repo.streets(rows.map((c) => c.streetId)),
      this.repo.itemCounts(rows.map((c) => c.id)),
    ]);
    const orgName = new Map(organisations.map((o) => [o.id, o.name]));
    const communityName = new Map(communities.map((c) => [c.id, c.name]));
    const streetName = new Map(streets.map((s) => [s.id, s.name]));
    return rows.map((c) => {
      const manages = this.serviceAccess.manages(scope, c);
      return toContract(c, {
        buyerName: c.communityId !== null ? (communityName.get(c.communityId) ?? '') : (streetName.get(c.streetId) ?? ''),
        provider: { id: c.providerId, name: orgName.get(c.providerId) ?? '' },
        evaluator: c.evaluatorId === null ? null : { id: c.evaluatorId, name: orgName.get(c.evaluatorId) ?? '' },
        itemCount: counts.get(c.id) ?? 0,
        canManage: manages,
        canEvaluate: c.evaluatorId !== null ? this.serviceAccess.evaluates(scope, c) : manages,
      });
    });
  }

  /** The provider (and the evaluator) are organisations of the street, not suspended; the provider serves the buyer. */
  private async assertParties(streetId: number, communityId: number | null, providerId: number, evaluatorId: number | null): Promise<void> {
    const [provider, evaluator] = await this.repo.organisations(evaluatorId === null ? [providerId] : [providerId, evaluatorId]).then((orgs) => [
      orgs.find((o) => o.id === providerId),
      evaluatorId === null ? null : orgs.find((o) => o.id === evaluatorId),
    ]);
    if (!provider || provider.streetId !== streetId || provider.suspendedAt !== null) throw new AppError('SERVICE_PROVIDER_INVALID');
    if (communityId !== null && !(await this.repo.serves(providerId, communityId))) throw new AppError('ORGANISATION_NOT_SERVING');
    if (evaluatorId !== null && (!evaluator || evaluator.streetId !== streetId || evaluator.id === providerId)) {
      throw new AppError('SERVICE_EVALUATOR_INVALID');
    }
  }
}

function assertPeriod(start: string, end: string): void {
  if (end < start) throw new AppError('SERVICE_PERIOD_INVALID');
}
