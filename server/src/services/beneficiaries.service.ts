import { Injectable } from '@nestjs/common';
import type { Beneficiary, CreateBeneficiary, UpdateBeneficiary } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { BeneficiariesRepository } from './beneficiaries.repository.js';
import { addDays, chinaDay } from './days.js';
import { DueWeeksRepository } from './due-weeks.repository.js';
import { ItemsService, type ItemInScope } from './items.service.js';
import { ServiceAccess } from './service-access.js';
import { ServiceLocks } from './service-locks.js';
import type { ServiceBeneficiary } from './service-beneficiary.entity.js';
import { dueOnFor, tiersOf, toBeneficiary } from './services.mapper.js';

/**
 * The beneficiary register of a service item. Sensitive: only the buyer, the committee of the item's community and
 * the item's assigned workers read it, and every read by staff is audit-logged; residents never reach it.
 */
@Injectable()
export class BeneficiariesService {
  constructor(
    private readonly db: Database,
    private readonly repo: BeneficiariesRepository,
    private readonly items: ItemsService,
    private readonly serviceAccess: ServiceAccess,
    private readonly locks: ServiceLocks,
    private readonly dueWeeks: DueWeeksRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext, itemId: number): Promise<{ items: Beneficiary[] }> {
    const found = await this.registerOf(auth, itemId);
    const rows = await this.repo.onItem(itemId);
    await this.audit.append({
      actorId: auth.userId,
      action: 'service_register.read',
      communityId: found.item.communityId,
      targetType: 'service_item',
      targetId: itemId,
      detail: { people: rows.length },
    });
    return { items: await this.dtos(rows) };
  }

  async create(auth: AuthContext, itemId: number, input: CreateBeneficiary): Promise<Beneficiary> {
    const { item } = await this.registerOf(auth, itemId, 'write');
    await this.assertHousehold(item.communityId, input.householdId);
    const tiers = tiersOf(item);
    assertTier(tiers.map((t) => t.tier), input.tier);
    const today = chinaDay(this.clock.now());
    const dueOn = dueOnFor(tiers, input.tier, today, addDays);
    const id = await this.db.transaction(async () => {
      await this.locks.itemForLog(itemId);
      const created = await this.repo.insert({
        itemId,
        communityId: item.communityId,
        name: input.name,
        householdId: input.householdId,
        tier: input.tier,
        phone: input.phone,
        notes: input.notes,
        lastServedOn: null,
        dueOn,
        registeredOn: today,
        archivedAt: null,
      });
      await this.dueWeeks.move(itemId, null, dueOn);
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_beneficiary.create',
        communityId: item.communityId,
        targetType: 'service_beneficiary',
        targetId: created,
        detail: { itemId, tier: input.tier },
      });
      return created;
    });
    return (await this.dtos([(await this.repo.findById(id))!]))[0];
  }

  async update(auth: AuthContext, itemId: number, id: number, input: UpdateBeneficiary): Promise<Beneficiary> {
    const { item } = await this.registerOf(auth, itemId, 'write');
    const entry = await this.entryOf(itemId, id);
    if (input.householdId !== undefined) await this.assertHousehold(item.communityId, input.householdId);
    const tiers = tiersOf(item);
    if (input.tier !== undefined) assertTier(tiers.map((t) => t.tier), input.tier);
    const tier = input.tier !== undefined ? input.tier : entry.tier;
    await this.db.transaction(async () => {
      // Under the item's lock, the row read again is the one this edit replaces (a log may have moved its due day).
      await this.locks.itemForLog(itemId);
      const locked = await this.entryOf(itemId, id);
      const dueOn = dueOnFor(tiers, tier, locked.lastServedOn ?? locked.registeredOn, addDays);
      await this.repo.update(id, { ...input, dueOn });
      await this.dueWeeks.move(itemId, locked.dueOn, dueOn);
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_beneficiary.update',
        communityId: item.communityId,
        targetType: 'service_beneficiary',
        targetId: id,
        // The phone itself stays out of the audit log.
        detail: { itemId, fields: Object.keys(input) },
      });
    });
    return (await this.dtos([(await this.repo.findById(id))!]))[0];
  }

  async remove(auth: AuthContext, itemId: number, id: number): Promise<{ ok: true }> {
    const { item } = await this.registerOf(auth, itemId, 'write');
    await this.entryOf(itemId, id);
    await this.db.transaction(async () => {
      await this.locks.itemForLog(itemId);
      const locked = await this.entryOf(itemId, id);
      if (!(await this.repo.archive(id, this.clock.now()))) throw new AppError('SERVICE_BENEFICIARY_NOT_FOUND');
      await this.dueWeeks.move(itemId, locked.dueOn, null);
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_beneficiary.archive',
        communityId: item.communityId,
        targetType: 'service_beneficiary',
        targetId: id,
        detail: { itemId },
      });
    });
    return { ok: true };
  }

  /** The item, when the caller may read (its workers too) or keep (buyer and committee) its register. */
  private async registerOf(auth: AuthContext, itemId: number, mode: 'read' | 'write' = 'read'): Promise<ItemInScope> {
    const { scope, contract, item, assigned } = await this.items.readable(auth, itemId);
    const allowed =
      mode === 'read' ? this.serviceAccess.readsRegister(scope, contract, item, assigned) : this.serviceAccess.keepsRegister(scope, contract, item);
    if (!allowed) throw new AppError('OUT_OF_SCOPE');
    return { scope, contract, item, assigned };
  }

  private async entryOf(itemId: number, id: number): Promise<ServiceBeneficiary> {
    const entry = await this.repo.findById(id);
    if (!entry || entry.itemId !== itemId || entry.archivedAt !== null) throw new AppError('SERVICE_BENEFICIARY_NOT_FOUND');
    return entry;
  }

  private async assertHousehold(communityId: number, householdId: number | null): Promise<void> {
    if (householdId === null) return;
    const [household] = await this.repo.households([householdId]);
    if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND');
    if (household.communityId !== communityId) throw new AppError('SERVICE_HOUSEHOLD_OUTSIDE');
  }

  private async dtos(rows: ServiceBeneficiary[]): Promise<Beneficiary[]> {
    const households = new Map((await this.repo.households(rows.map((b) => b.householdId).filter((h): h is number => h !== null))).map((h) => [h.id, h]));
    const today = chinaDay(this.clock.now());
    return rows.map((b) => toBeneficiary(b, b.householdId === null ? undefined : households.get(b.householdId), today));
  }
}

function assertTier(known: string[], tier: string | null): void {
  if (tier !== null && !known.includes(tier)) throw new AppError('SERVICE_TIER_UNKNOWN');
}
