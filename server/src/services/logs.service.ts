import { Injectable } from '@nestjs/common';
import type { CreateServiceLog, Page, ServiceLog as LogDto, ServiceLogQuery, ServiceTier } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { OwnImages } from '../uploads/own-images.js';
import { BeneficiariesRepository } from './beneficiaries.repository.js';
import { addDays, chinaDay } from './days.js';
import { DueWeeksRepository } from './due-weeks.repository.js';
import { ItemsService, type ItemInScope } from './items.service.js';
import { LogsRepository } from './logs.repository.js';
import { ServiceAccess } from './service-access.js';
import { dueOnFor, logQuantity, tiersOf, toLog } from './services.mapper.js';
import { ServiceLocks } from './service-locks.js';

/** The daily work: workers assigned to an item log what they did; logs are append-only, corrected by void entries. */
@Injectable()
export class LogsService {
  constructor(
    private readonly db: Database,
    private readonly repo: LogsRepository,
    private readonly beneficiaries: BeneficiariesRepository,
    private readonly items: ItemsService,
    private readonly serviceAccess: ServiceAccess,
    private readonly locks: ServiceLocks,
    private readonly dueWeeks: DueWeeksRepository,
    private readonly ownImages: OwnImages,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, input: CreateServiceLog): Promise<LogDto> {
    const { item, contract, scope, assigned } = await this.items.readable(auth, input.itemId);
    if (!this.serviceAccess.works(scope, contract, assigned)) throw new AppError('SERVICE_NOT_ASSIGNED');
    const today = chinaDay(this.clock.now());
    if (input.servedOn > today) throw new AppError('SERVICE_LOG_IN_FUTURE');
    const beneficiary = input.beneficiaryId === null ? null : await this.beneficiaries.findById(input.beneficiaryId);
    if (input.beneficiaryId !== null && (!beneficiary || beneficiary.itemId !== item.id || beneficiary.archivedAt !== null)) {
      throw new AppError('SERVICE_BENEFICIARY_NOT_ON_ITEM');
    }
    for (const photo of input.photos) await this.ownImages.assertOwn(photo);
    const id = await this.db.transaction(async () => {
      const locked = await this.locks.itemForLog(item.id);
      if (!locked) throw new AppError('SERVICE_ITEM_NOT_FOUND');
      if (input.servedOn < locked.periodStart || input.servedOn > locked.periodEnd) throw new AppError('SERVICE_LOG_OUTSIDE_PERIOD');
      const created = await this.repo.append({
        itemId: item.id,
        beneficiaryId: input.beneficiaryId,
        workerId: auth.userId,
        servedOn: input.servedOn,
        minutes: input.minutes,
        form: input.form,
        peopleServed: input.peopleServed,
        quantity: logQuantity(locked.unit, input),
        note: input.note,
        photos: JSON.stringify(input.photos),
        voidsId: null,
        createdAt: this.clock.now(),
      });
      if (beneficiary) await this.served(item.id, beneficiary.id, input.servedOn, tiersOf(locked));
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_log.create',
        communityId: item.communityId,
        targetType: 'service_log',
        targetId: created,
        detail: { itemId: item.id, beneficiaryId: input.beneficiaryId, servedOn: input.servedOn, form: input.form },
      });
      return created;
    });
    return this.one(id);
  }

  async void(auth: AuthContext, id: number, reason: string): Promise<LogDto> {
    const log = await this.repo.findById(id);
    if (!log) throw new AppError('SERVICE_LOG_NOT_FOUND');
    const { item, contract, scope, assigned } = await this.items.readable(auth, log.itemId).catch(() => {
      throw new AppError('SERVICE_LOG_NOT_FOUND');
    });
    const ownLog = log.workerId === auth.userId && this.serviceAccess.works(scope, contract, assigned);
    if (!ownLog && !this.serviceAccess.manages(scope, contract)) throw new AppError('OUT_OF_SCOPE');
    if (log.voidsId !== null) throw new AppError('SERVICE_LOG_NOT_VOIDABLE');
    const voidId = await this.db.transaction(async () => {
      await this.locks.itemForLog(log.itemId);
      const created = await this.repo.append({
        itemId: log.itemId,
        beneficiaryId: log.beneficiaryId,
        workerId: auth.userId,
        servedOn: log.servedOn,
        minutes: -log.minutes,
        form: log.form,
        peopleServed: -log.peopleServed,
        quantity: -log.quantity,
        note: reason,
        photos: '[]',
        voidsId: log.id,
        createdAt: this.clock.now(),
      });
      if (log.beneficiaryId !== null) {
        const entry = (await this.beneficiaries.findById(log.beneficiaryId))!;
        const last = await this.beneficiaries.lastServedOn(log.beneficiaryId);
        const dueOn = dueOnFor(tiersOf(item), entry.tier, last ?? entry.registeredOn, addDays);
        await this.beneficiaries.update(entry.id, { lastServedOn: last, dueOn });
        if (entry.archivedAt === null) await this.dueWeeks.move(entry.itemId, entry.dueOn, dueOn);
      }
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_log.void',
        communityId: item.communityId,
        targetType: 'service_log',
        targetId: log.id,
        detail: { voidEntryId: created, reason },
      });
      return created;
    });
    return this.one(voidId);
  }

  async list(auth: AuthContext, query: ServiceLogQuery): Promise<Page<LogDto>> {
    const found = await this.items.readable(auth, query.itemId);
    this.assertReadsLogs(found);
    const [rows, total] = await this.repo.page(query, query.page, query.pageSize);
    // Logs name the people served: reading them is reading the register.
    await this.audit.append({
      actorId: auth.userId,
      action: 'service_log.read',
      communityId: found.item.communityId,
      targetType: 'service_item',
      targetId: found.item.id,
      detail: { page: query.page, rows: rows.length },
    });
    return { items: rows.map(toLog), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * A log moves its person's last served day forward (never back) and the due day with it, and the due-week counts
   * with that. Called under the item's lock, so the row read here is the one the conditional update replaces.
   */
  private async served(itemId: number, beneficiaryId: number, servedOn: string, tiers: ServiceTier[]): Promise<void> {
    const entry = (await this.beneficiaries.findById(beneficiaryId))!;
    const dueOn = dueOnFor(tiers, entry.tier, servedOn, addDays);
    if (!(await this.beneficiaries.served(beneficiaryId, servedOn, dueOn))) return;
    if (entry.archivedAt === null) await this.dueWeeks.move(itemId, entry.dueOn, dueOn);
  }

  private assertReadsLogs({ scope, contract, item, assigned }: ItemInScope): void {
    if (!this.serviceAccess.readsRegister(scope, contract, item, assigned)) throw new AppError('OUT_OF_SCOPE');
  }

  private async one(id: number): Promise<LogDto> {
    return toLog((await this.repo.row(id))!);
  }
}
