import { Injectable } from '@nestjs/common';
import {
  serviceBand,
  type ServiceBand,
  type ServiceContractProgress,
  type ServiceItemProgress,
  type ServiceUnit,
  type StreetServiceSummary,
} from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { ContractsRepository } from './contracts.repository.js';
import { ContractsService } from './contracts.service.js';
import { chinaDay, elapsedShare } from './days.js';
import { ItemsRepository } from './items.repository.js';
import { ItemsService } from './items.service.js';
import { ProgressRepository, type LinkedActivity } from './progress.repository.js';
import { ServiceAccess } from './service-access.js';
import type { ServiceContract } from './service-contract.entity.js';
import type { ServiceItem } from './service-item.entity.js';
import { inUnit, tiersOf } from './services.mapper.js';

type ItemSummary = Omit<ServiceItemProgress, 'monthly' | 'overdueByTier'>;

/** Progress of items, contracts and a street: read from the monthly summary rows and the register's due days. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly repo: ProgressRepository,
    private readonly items: ItemsService,
    private readonly itemsRepo: ItemsRepository,
    private readonly contracts: ContractsService,
    private readonly contractsRepo: ContractsRepository,
    private readonly serviceAccess: ServiceAccess,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async item(auth: AuthContext, id: number): Promise<ServiceItemProgress> {
    const { item, contract } = await this.items.readable(auth, id);
    const today = chinaDay(this.clock.now());
    const [summary] = await this.summaries(contract, [item], today);
    const [tiers, monthly] = await Promise.all([this.repo.tiers(id, today), this.repo.monthly(id)]);
    const rules = tiersOf(item);
    return {
      ...summary,
      overdueByTier: rules.map((rule) => {
        const counted = tiers.find((t) => t.tier === rule.tier);
        return { tier: rule.tier, everyDays: rule.everyDays, beneficiaries: counted?.beneficiaries ?? 0, overdue: counted?.overdue ?? 0 };
      }),
      monthly: monthly.map((m) => ({ month: m.month, done: inUnit(item.unit, m.quantity), logs: m.logs, minutes: m.minutes })),
    };
  }

  async contract(auth: AuthContext, id: number): Promise<ServiceContractProgress> {
    const scope = await this.serviceAccess.scope(auth);
    const contract = await this.contracts.readable(scope, id);
    const today = chinaDay(this.clock.now());
    const items = await this.itemsRepo.byContract(id);
    const [summaries, register] = await Promise.all([this.summaries(contract, items, today), this.repo.registerCounts(items.map((i) => i.id), today)]);
    return {
      contractId: contract.id,
      title: contract.title,
      periodStart: contract.periodStart,
      periodEnd: contract.periodEnd,
      elapsedShare: elapsedShare(contract.periodStart, contract.periodEnd, today),
      items: summaries.map((s) => ({ ...s, overdue: register.get(s.itemId)?.[1] ?? 0 })),
    };
  }

  /** A street admin's street: every item of the contracts active today, counted by community and pace band. */
  async street(auth: AuthContext, streetId?: number): Promise<StreetServiceSummary> {
    const street = this.access.streetToManage(auth, streetId);
    const today = chinaDay(this.clock.now());
    const [rows, overdue] = await Promise.all([this.repo.streetItems(street, today), this.repo.streetOverdue(street, today)]);
    const fromActivities = activityTotals(
      await this.repo.linkedActivities(rows.map((r) => r.itemId)),
      new Map(rows.map((r) => [r.itemId, r])),
    );
    const communityIds = [...new Set(rows.map((r) => r.communityId))];
    const names = new Map((await this.contractsRepo.communities(communityIds)).map((c) => [c.id, c.name]));
    const zero = () => ({ 0: 0, 1: 0, 2: 0, 3: 0 }) as Record<ServiceBand, number>;
    const byCommunity = new Map(communityIds.map((c) => [c, { items: 0, bands: zero(), logsThisMonth: 0, overdue: 0 }]));
    const bands = zero();
    for (const r of rows) {
      const done = inUnit(r.unit, r.quantity + (fromActivities.get(r.itemId) ?? 0));
      const band = pace(done, r.targetQuantity, elapsedShare(r.periodStart, r.periodEnd, today)).paceBand;
      const c = byCommunity.get(r.communityId)!;
      c.items++;
      c.bands[band]++;
      c.logsThisMonth += r.logsThisMonth;
      c.overdue += overdue.get(r.itemId) ?? 0;
      bands[band]++;
    }
    return {
      streetId: street,
      contracts: await this.repo.activeContracts(street, today),
      items: rows.length,
      bands,
      overdue: [...overdue.values()].reduce((a, b) => a + b, 0),
      communities: communityIds
        .sort((a, b) => a - b)
        .map((id) => ({ communityId: id, name: names.get(id) ?? '', ...byCommunity.get(id)! })),
    };
  }

  /** Done, pace and bands of some items of one contract. */
  async summaries(contract: ServiceContract, items: ServiceItem[], today: string): Promise<ItemSummary[]> {
    const ids = items.map((i) => i.id);
    const [totals, linked, register] = await Promise.all([
      this.repo.totals(ids),
      this.repo.linkedActivities(ids),
      this.repo.registerCounts(ids, today),
    ]);
    const byItem = new Map(items.map((i) => [i.id, { ...i, periodStart: contract.periodStart, periodEnd: contract.periodEnd }]));
    const fromActivities = activityTotals(linked, byItem);
    const share = elapsedShare(contract.periodStart, contract.periodEnd, today);
    return items.map((i) => {
      const logged = totals.get(i.id) ?? 0;
      const activities = fromActivities.get(i.id) ?? 0;
      const done = inUnit(i.unit, logged + activities);
      return {
        itemId: i.id,
        contractId: i.contractId,
        communityId: i.communityId,
        name: i.name,
        unit: i.unit,
        targetQuantity: i.targetQuantity,
        done,
        fromLogs: inUnit(i.unit, logged),
        fromActivities: inUnit(i.unit, activities),
        elapsedShare: share,
        beneficiaries: register.get(i.id)?.[0] ?? 0,
        ...pace(done, i.targetQuantity, share),
      };
    });
  }
}

/** The figures a band is scored on: done against the target, and against where the item should be by now. */
function pace(done: number, target: number, share: number) {
  const doneRatio = done / target;
  const expectedByNow = Math.round(target * share * 10) / 10;
  const paceRatio = share === 0 ? null : done / (target * share);
  return {
    doneRatio,
    expectedByNow,
    paceRatio,
    targetBand: serviceBand(doneRatio),
    paceBand: paceRatio === null ? (3 as ServiceBand) : serviceBand(paceRatio),
  };
}

/**
 * What linked activities held in the item's period add, in the stored unit: attended sign-ups for 户次, the people
 * they brought for 人次, one per activity with anyone attending for 场次, its length in minutes for 小时.
 */
function activityTotals(
  linked: LinkedActivity[],
  items: Map<number, { unit: ServiceUnit; periodStart: string; periodEnd: string }>,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const a of linked) {
    const item = items.get(a.itemId);
    if (!item || a.signups === 0) continue;
    const day = chinaDay(a.startsAt);
    if (day < item.periodStart || day > item.periodEnd) continue;
    const minutes = Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
    const add = item.unit === 'household_visits' ? a.signups : item.unit === 'person_times' ? a.people : item.unit === 'sessions' ? 1 : minutes;
    out.set(a.itemId, (out.get(a.itemId) ?? 0) + add);
  }
  return out;
}
