import { Injectable } from '@nestjs/common';
import type { CreateServiceItem, ServiceItem as ItemDto, ServiceTier, UpdateServiceItem } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { BeneficiariesRepository } from './beneficiaries.repository.js';
import { ContractsRepository } from './contracts.repository.js';
import { ContractsService } from './contracts.service.js';
import { addDays } from './days.js';
import { DueWeeksRepository } from './due-weeks.repository.js';
import { isForeignKeyViolation } from './foreign-key.js';
import { ItemsRepository, type ItemValues } from './items.repository.js';
import { ServiceAccess, type ServiceScope } from './service-access.js';
import type { ServiceContract } from './service-contract.entity.js';
import type { ServiceItem } from './service-item.entity.js';
import { dueOnFor, toItem } from './services.mapper.js';

export interface ItemInScope {
  item: ServiceItem;
  contract: ServiceContract;
  scope: ServiceScope;
  assigned: boolean;
}

/** Service items of a contract: their target, unit, visit tiers, workers and linked activities. */
@Injectable()
export class ItemsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ItemsRepository,
    private readonly contracts: ContractsRepository,
    private readonly contractsService: ContractsService,
    private readonly beneficiaries: BeneficiariesRepository,
    private readonly dueWeeks: DueWeeksRepository,
    private readonly serviceAccess: ServiceAccess,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, input: CreateServiceItem): Promise<ItemDto> {
    const scope = await this.serviceAccess.scope(auth);
    const contract = await this.contractsService.readable(scope, input.contractId);
    this.serviceAccess.assertManages(scope, contract);
    const communityId = await this.communityFor(contract, input.communityId);
    const workerIds = await this.checkWorkers(contract, input.workerIds);
    const activityIds = await this.checkActivities(communityId, input.activityIds);
    const values: ItemValues = {
      contractId: contract.id,
      communityId,
      name: input.name,
      description: input.description,
      targetGroup: input.targetGroup,
      unit: input.unit,
      targetQuantity: input.targetQuantity,
      tiers: JSON.stringify(input.tiers),
      createdAt: this.clock.now(),
    };
    const id = await this.db.transaction(async () => {
      const created = await this.repo.insert(values);
      await this.repo.setWorkers(created, workerIds);
      await this.repo.setActivities(created, activityIds);
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_item.create',
        communityId,
        targetType: 'service_item',
        targetId: created,
        detail: { contractId: contract.id, name: input.name, targetQuantity: input.targetQuantity, workerIds, activityIds },
      });
      return created;
    });
    return this.get(auth, id);
  }

  async list(auth: AuthContext, query: { contractId?: number; mine?: boolean }): Promise<{ items: ItemDto[] }> {
    const scope = await this.serviceAccess.scope(auth);
    let rows: ServiceItem[];
    if (query.contractId !== undefined) {
      const contract = await this.contractsService.readable(scope, query.contractId);
      rows = await this.repo.byContract(contract.id);
    } else {
      rows = await this.repo.assignedTo(auth.userId);
    }
    const workers = await this.repo.workers(rows.map((i) => i.id));
    if (query.mine) rows = rows.filter((i) => workers.get(i.id)!.some((w) => w.id === auth.userId));
    return { items: await this.details(scope, rows, workers) };
  }

  /** Whom the buyer may assign: the provider's staff and social workers. */
  async workersFor(auth: AuthContext, contractId: number): Promise<{ items: { id: number; name: string }[] }> {
    const scope = await this.serviceAccess.scope(auth);
    const contract = await this.contractsService.readable(scope, contractId);
    this.serviceAccess.assertManages(scope, contract);
    return { items: await this.repo.staffList(contract.providerId) };
  }

  async get(auth: AuthContext, id: number): Promise<ItemDto> {
    const { scope, item } = await this.readable(auth, id);
    return (await this.details(scope, [item]))[0];
  }

  /** An item whose contract the caller may read (else it does not exist for them), and whether they work on it. */
  async readable(auth: AuthContext, id: number): Promise<ItemInScope> {
    const scope = await this.serviceAccess.scope(auth);
    const item = await this.repo.findById(id);
    if (!item) throw new AppError('SERVICE_ITEM_NOT_FOUND');
    const contract = await this.contracts.findById(item.contractId);
    if (!contract || !this.serviceAccess.reads(scope, contract, [item.communityId])) throw new AppError('SERVICE_ITEM_NOT_FOUND');
    return { item, contract, scope, assigned: await this.repo.isAssigned(id, auth.userId) };
  }

  async update(auth: AuthContext, id: number, input: UpdateServiceItem): Promise<ItemDto> {
    const { item, contract, scope } = await this.readable(auth, id);
    this.serviceAccess.assertManages(scope, contract);
    const { version, workerIds, activityIds, tiers, ...fields } = input;
    const workers = workerIds && (await this.checkWorkers(contract, workerIds));
    const activities = activityIds && (await this.checkActivities(item.communityId, activityIds));
    if (tiers) await this.assertTiersFree(item.id, tiers);
    await this.db.transaction(async () => {
      // The conditional update on the version is what two editors racing meet: the second is refused whole.
      if (!(await this.repo.updateVersioned(id, version, { ...fields, ...(tiers && { tiers: JSON.stringify(tiers) }) }))) {
        throw new AppError('SERVICE_EDIT_CONFLICT');
      }
      if (fields.unit !== undefined && fields.unit !== item.unit && (await this.repo.hasLogs([id]))) throw new AppError('SERVICE_UNIT_LOCKED');
      if (workers) await this.repo.setWorkers(id, workers);
      if (activities) await this.repo.setActivities(id, activities);
      if (tiers) await this.redue(id, tiers);
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_item.update',
        communityId: item.communityId,
        targetType: 'service_item',
        targetId: id,
        detail: { changes: input },
      });
    });
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: number): Promise<{ ok: true }> {
    const { item, contract, scope } = await this.readable(auth, id);
    this.serviceAccess.assertManages(scope, contract);
    if (await this.repo.hasLogs([id])) throw new AppError('SERVICE_HAS_LOGS');
    try {
      await this.db.transaction(async () => {
        await this.repo.delete(id);
        await this.audit.append({
          actorId: auth.userId,
          action: 'service_item.delete',
          communityId: item.communityId,
          targetType: 'service_item',
          targetId: id,
          detail: { name: item.name },
        });
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new AppError('SERVICE_HAS_LOGS');
      throw error;
    }
    return { ok: true };
  }

  async details(scope: ServiceScope, rows: ServiceItem[], knownWorkers?: Map<number, { id: number; name: string }[]>): Promise<ItemDto[]> {
    const ids = rows.map((i) => i.id);
    const [workers, activities, contracts] = await Promise.all([
      knownWorkers ?? this.repo.workers(ids),
      this.repo.activityIds(ids),
      Promise.all([...new Set(rows.map((i) => i.contractId))].map((c) => this.contracts.findById(c))),
    ]);
    const contractOf = new Map(contracts.filter((c): c is ServiceContract => c !== null).map((c) => [c.id, c]));
    return rows.map((i) =>
      toItem(i, {
        workers: workers.get(i.id) ?? [],
        activityIds: activities.get(i.id) ?? [],
        canManage: this.serviceAccess.manages(scope, contractOf.get(i.contractId)!),
        assigned: (workers.get(i.id) ?? []).some((w) => w.id === scope.userId),
      }),
    );
  }

  /** A community contract serves its own community; a street contract's item names one of the street's, served by the provider. */
  private async communityFor(contract: ServiceContract, requested: number | undefined): Promise<number> {
    if (contract.communityId !== null) {
      if (requested !== undefined && requested !== contract.communityId) throw new AppError('SERVICE_ITEM_COMMUNITY_INVALID');
      return contract.communityId;
    }
    if (requested === undefined) throw new AppError('SERVICE_ITEM_COMMUNITY_INVALID');
    const [community] = await this.contracts.communities([requested]);
    if (!community || community.streetId !== contract.streetId || !(await this.contracts.serves(contract.providerId, requested))) {
      throw new AppError('SERVICE_ITEM_COMMUNITY_INVALID');
    }
    return requested;
  }

  private async checkWorkers(contract: ServiceContract, ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    const staff = await this.repo.staffOf(contract.providerId, unique);
    if (staff.size !== unique.length) throw new AppError('SERVICE_WORKER_NOT_PROVIDER');
    return unique.sort((a, b) => a - b);
  }

  private async checkActivities(communityId: number, ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    const found = await this.repo.activitiesIn(communityId, unique);
    if (found.size !== unique.length) throw new AppError('SERVICE_ACTIVITY_INVALID');
    return unique.sort((a, b) => a - b);
  }

  private async assertTiersFree(itemId: number, tiers: ServiceTier[]): Promise<void> {
    const kept = new Set(tiers.map((t) => t.tier));
    for (const used of await this.beneficiaries.tiersInUse(itemId)) if (!kept.has(used)) throw new AppError('SERVICE_TIER_IN_USE');
  }

  /** New visit rules move everyone's due day. */
  private async redue(itemId: number, tiers: ServiceTier[]): Promise<void> {
    const dues: (string | null)[] = [];
    for (const b of await this.beneficiaries.onItem(itemId)) {
      const dueOn = dueOnFor(tiers, b.tier, b.lastServedOn ?? b.registeredOn, addDays);
      await this.beneficiaries.update(b.id, { dueOn });
      dues.push(dueOn);
    }
    await this.dueWeeks.rebuild(itemId, dues);
  }
}

