import type { Beneficiary, ServiceContract as ContractDto, ServiceItem as ItemDto, ServiceLog as LogDto, ServiceTier, ServiceUnit } from '@linli/shared';
import { maskPhone } from '../users/mask-phone.js';
import type { Household } from '../communities/household.entity.js';
import type { ServiceBeneficiary } from './service-beneficiary.entity.js';
import type { ServiceContract } from './service-contract.entity.js';
import type { ServiceItem } from './service-item.entity.js';
import type { LogRow } from './logs.repository.js';

export function toContract(
  c: ServiceContract,
  extra: { buyerName: string; provider: { id: number; name: string }; evaluator: { id: number; name: string } | null; itemCount: number; canManage: boolean; canEvaluate: boolean },
): ContractDto {
  return {
    id: c.id,
    title: c.title,
    streetId: c.streetId,
    communityId: c.communityId,
    type: c.type,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    amountFen: c.amountFen,
    version: c.version,
    ...extra,
  };
}

export function tiersOf(item: Pick<ServiceItem, 'tiers'>): ServiceTier[] {
  return JSON.parse(item.tiers) as ServiceTier[];
}

export function toItem(
  i: ServiceItem,
  extra: { workers: { id: number; name: string }[]; activityIds: number[]; canManage: boolean; assigned: boolean },
): ItemDto {
  return {
    id: i.id,
    contractId: i.contractId,
    communityId: i.communityId,
    name: i.name,
    description: i.description,
    targetGroup: i.targetGroup,
    unit: i.unit,
    targetQuantity: i.targetQuantity,
    tiers: tiersOf(i),
    version: i.version,
    ...extra,
  };
}

export function householdLabel(h: Pick<Household, 'building' | 'unit' | 'room'>): string {
  return `${h.building}${h.unit}${h.room}`;
}

export function toBeneficiary(b: ServiceBeneficiary, household: Household | undefined, today: string): Beneficiary {
  return {
    id: b.id,
    itemId: b.itemId,
    name: b.name,
    household: household ? { id: household.id, label: householdLabel(household) } : null,
    tier: b.tier,
    phone: maskPhone(b.phone),
    notes: b.notes,
    lastServedOn: b.lastServedOn,
    dueOn: b.dueOn,
    overdue: b.dueOn !== null && b.dueOn < today,
  };
}

export function toLog(l: LogRow): LogDto {
  return {
    id: l.id,
    itemId: l.itemId,
    beneficiary: l.beneficiaryId !== null ? { id: l.beneficiaryId, name: l.beneficiaryName ?? '' } : null,
    worker: { id: l.workerId, name: l.workerName },
    servedOn: l.servedOn,
    minutes: l.minutes,
    form: l.form,
    peopleServed: l.peopleServed,
    quantity: l.quantity,
    note: l.note,
    photos: JSON.parse(l.photos) as string[],
    voidsLogId: l.voidsId,
    voided: l.voided,
    createdAt: l.createdAt.toISOString(),
  };
}

/** What one log adds to its item, in the item's unit: 户次/场次 one, 人次 the people served, 小时 the minutes. */
export function logQuantity(unit: ServiceUnit, log: { peopleServed: number; minutes: number }): number {
  if (unit === 'person_times') return log.peopleServed;
  if (unit === 'hours') return log.minutes;
  return 1;
}

/** A total in the unit as people read it: 小时 are stored as minutes and shown with one decimal. */
export function inUnit(unit: ServiceUnit, quantity: number): number {
  return unit === 'hours' ? Math.round((quantity / 60) * 10) / 10 : quantity;
}

/** A name as the export shows it: the family name and a star per other character (张*, 欧阳**). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** When the tier's rule wants the next visit: the last day served (or registered) plus everyDays. */
export function dueOnFor(tiers: ServiceTier[], tier: string | null, from: string, addDays: (d: string, n: number) => string): string | null {
  const rule = tier === null ? undefined : tiers.find((t) => t.tier === tier);
  return rule ? addDays(from, rule.everyDays) : null;
}
