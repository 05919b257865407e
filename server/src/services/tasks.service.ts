import { Injectable } from '@nestjs/common';
import type { ServiceTask } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { BeneficiariesRepository } from './beneficiaries.repository.js';
import { addDays, chinaDay, daysBetween } from './days.js';
import { ServiceAccess } from './service-access.js';
import { householdLabel } from './services.mapper.js';

/** The longest 我的任务 list: a worker with more people due than this has a staffing problem, not a paging one. */
const MAX_TASKS = 300;

/** 我的任务: the people on my items' registers who are due or overdue for a visit, nearest due first. */
@Injectable()
export class TasksService {
  constructor(
    private readonly beneficiaries: BeneficiariesRepository,
    private readonly serviceAccess: ServiceAccess,
    private readonly clock: Clock,
  ) {}

  async mine(auth: AuthContext, withinDays: number): Promise<{ items: ServiceTask[] }> {
    const scope = await this.serviceAccess.scope(auth);
    const today = chinaDay(this.clock.now());
    const rows = await this.beneficiaries.dueFor(auth.userId, addDays(today, withinDays), today, MAX_TASKS);
    // A worker who left the provider (or whose provider is suspended) keeps no tasks.
    const mine = rows.filter((r) => scope.organisations.has(r.providerId));
    const households = new Map((await this.beneficiaries.households(mine.map((r) => r.householdId).filter((h): h is number => h !== null))).map((h) => [h.id, h]));
    return {
      items: mine.map((r) => ({
        beneficiaryId: r.id,
        name: r.name,
        household: r.householdId !== null && households.has(r.householdId) ? householdLabel(households.get(r.householdId)!) : null,
        tier: r.tier,
        item: { id: r.itemId, name: r.itemName },
        lastServedOn: r.lastServedOn,
        dueOn: r.dueOn,
        daysLeft: daysBetween(today, r.dueOn),
      })),
    };
  }
}
