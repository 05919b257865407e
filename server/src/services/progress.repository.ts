import { Injectable } from '@nestjs/common';
import type { ServiceUnit } from '@linli/shared';
import { Activity } from '../activities/activity.entity.js';
import { Database } from '../database/database.js';
import { weekOf } from './days.js';

export interface TierCount {
  tier: string | null;
  beneficiaries: number;
  overdue: number;
}

export interface StreetItemRow {
  itemId: number;
  communityId: number;
  unit: ServiceUnit;
  targetQuantity: number;
  periodStart: string;
  periodEnd: string;
  quantity: number;
  logsThisMonth: number;
}

export interface LinkedActivity {
  itemId: number;
  activityId: number;
  startsAt: Date;
  endsAt: Date;
  signups: number;
  people: number;
}

/**
 * Progress reads. Counts come from `service_item_month` (a few rows per item, kept with every log) and the register's
 * `(itemId, archivedAt, dueOn)` / `(communityId, dueOn)` indexes, never from scanning the logs themselves.
 */
@Injectable()
export class ProgressRepository {
  constructor(private readonly db: Database) {}

  monthly(itemId: number): Promise<{ month: string; quantity: number; logs: number; minutes: number }[]> {
    return this.db
      .rawQuery<{ month: string; quantity: number | string; logs: number | string; minutes: number | string }>(
        'SELECT `month`, `quantity`, `logs`, `minutes` FROM `service_item_month` WHERE `itemId` = ? ORDER BY `month`',
        [itemId],
      )
      .then((rows) => rows.map((r) => ({ month: r.month, quantity: Number(r.quantity), logs: Number(r.logs), minutes: Number(r.minutes) })));
  }

  /** Item id → the sum of its logs in its unit (voids subtracted). */
  async totals(itemIds: number[]): Promise<Map<number, number>> {
    if (itemIds.length === 0) return new Map();
    const rows = await this.db.rawQuery<{ itemId: number; quantity: number | string }>(
      `SELECT \`itemId\`, SUM(\`quantity\`) AS \`quantity\` FROM \`service_item_month\` WHERE \`itemId\` IN (${marks(itemIds)}) GROUP BY \`itemId\``,
      itemIds,
    );
    return new Map(rows.map((r) => [Number(r.itemId), Number(r.quantity)]));
  }

  /** Per tier of the item's register: how many people, and how many are past their due day. */
  async tiers(itemId: number, today: string): Promise<TierCount[]> {
    const rows = await this.db.rawQuery<{ tier: string | null; n: number | string; overdue: number | string | null }>(
      'SELECT `tier`, COUNT(*) AS `n`, SUM(CASE WHEN `dueOn` < ? THEN 1 ELSE 0 END) AS `overdue` FROM `service_beneficiary` ' +
        'WHERE `itemId` = ? AND `archivedAt` IS NULL GROUP BY `tier`',
      [today, itemId],
    );
    return rows.map((r) => ({ tier: r.tier, beneficiaries: Number(r.n), overdue: Number(r.overdue ?? 0) }));
  }

  /** Item id → [people on the register, people overdue]. */
  async registerCounts(itemIds: number[], today: string): Promise<Map<number, [number, number]>> {
    if (itemIds.length === 0) return new Map();
    const rows = await this.db.rawQuery<{ itemId: number; n: number | string; overdue: number | string | null }>(
      'SELECT `itemId`, COUNT(*) AS `n`, SUM(CASE WHEN `dueOn` < ? THEN 1 ELSE 0 END) AS `overdue` FROM `service_beneficiary` ' +
        `WHERE \`itemId\` IN (${marks(itemIds)}) AND \`archivedAt\` IS NULL GROUP BY \`itemId\``,
      [today, ...itemIds],
    );
    return new Map(rows.map((r) => [Number(r.itemId), [Number(r.n), Number(r.overdue ?? 0)]]));
  }

  /** Linked activities of these items with their attended participant sign-ups (and the people they brought). */
  async linkedActivities(itemIds: number[]): Promise<LinkedActivity[]> {
    if (itemIds.length === 0) return [];
    // Through the Activity entity's columns, so startsAt/endsAt come back as dates on both databases.
    const rows = await this.db.rows(
      Activity,
      'SELECT sa.`itemId`, a.`id` AS `activityId`, a.`startsAt`, a.`endsAt`, COUNT(s.`id`) AS `signups`, SUM(s.`size`) AS `people` ' +
        'FROM `service_item_activity` sa JOIN `activity` a ON a.`id` = sa.`activityId` ' +
        "LEFT JOIN `signup` s ON s.`activityId` = a.`id` AND s.`role` = 'participant' AND s.`status` = 'attended' " +
        `WHERE sa.\`itemId\` IN (${marks(itemIds)}) GROUP BY sa.\`itemId\`, a.\`id\`, a.\`startsAt\`, a.\`endsAt\``,
      itemIds,
    );
    return rows.map((r) => ({
      itemId: Number(r.itemId),
      activityId: Number(r.activityId),
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      signups: Number(r.signups),
      people: Number(r.people ?? 0),
    }));
  }

  /** Every item of the street's contracts active today, with its logged total and this month's logs. */
  async streetItems(streetId: number, today: string): Promise<StreetItemRow[]> {
    const rows = await this.db.rawQuery<Record<string, string | number | null>>(
      'SELECT i.`id` AS `itemId`, i.`communityId`, i.`unit`, i.`targetQuantity`, c.`periodStart`, c.`periodEnd`, ' +
        'COALESCE(SUM(m.`quantity`), 0) AS `quantity`, COALESCE(SUM(CASE WHEN m.`month` = ? THEN m.`logs` ELSE 0 END), 0) AS `logsThisMonth` ' +
        'FROM `service_contract` c JOIN `service_item` i ON i.`contractId` = c.`id` ' +
        'LEFT JOIN `service_item_month` m ON m.`itemId` = i.`id` ' +
        'WHERE c.`streetId` = ? AND c.`periodStart` <= ? AND c.`periodEnd` >= ? ' +
        'GROUP BY i.`id`, i.`communityId`, i.`unit`, i.`targetQuantity`, c.`periodStart`, c.`periodEnd`',
      [today.slice(0, 7), streetId, today, today],
    );
    return rows.map((r) => ({
      itemId: Number(r.itemId),
      communityId: Number(r.communityId),
      unit: r.unit as ServiceUnit,
      targetQuantity: Number(r.targetQuantity),
      periodStart: String(r.periodStart),
      periodEnd: String(r.periodEnd),
      quantity: Number(r.quantity),
      logsThisMonth: Number(r.logsThisMonth),
    }));
  }

  /**
   * Item id → people overdue on the registers of the street's active contracts: the due-week counts of the weeks
   * before this one (a few rows per item, kept with every write that moves a due day), plus the people due earlier
   * this week, read from the register's `(itemId, archivedAt, dueOn)` index (at most six days of due days per item).
   */
  async streetOverdue(streetId: number, today: string): Promise<Map<number, number>> {
    const items = 'FROM `service_contract` c JOIN `service_item` i ON i.`contractId` = c.`id` ';
    const active = 'WHERE c.`streetId` = ? AND c.`periodStart` <= ? AND c.`periodEnd` >= ? ';
    const thisWeek = weekOf(today);
    const rows = await this.db.rawQuery<{ itemId: number; n: number | string }>(
      'SELECT w.`itemId`, SUM(w.`people`) AS `n` ' +
        items +
        'JOIN `service_item_due_week` w ON w.`itemId` = i.`id` AND w.`week` < ? ' +
        active +
        'GROUP BY w.`itemId` UNION ALL ' +
        'SELECT b.`itemId`, COUNT(*) AS `n` ' +
        items +
        'JOIN `service_beneficiary` b ON b.`itemId` = i.`id` AND b.`archivedAt` IS NULL AND b.`dueOn` >= ? AND b.`dueOn` < ? ' +
        active +
        'GROUP BY b.`itemId`',
      [thisWeek, streetId, today, today, thisWeek, today, streetId, today, today],
    );
    const out = new Map<number, number>();
    for (const r of rows) out.set(Number(r.itemId), (out.get(Number(r.itemId)) ?? 0) + Number(r.n));
    return out;
  }

  /** How many of the street's contracts (community- or street-bought) run today. */
  async activeContracts(streetId: number, today: string): Promise<number> {
    const rows = await this.db.rawQuery<{ n: number | string }>(
      'SELECT COUNT(*) AS `n` FROM `service_contract` WHERE `streetId` = ? AND `periodStart` <= ? AND `periodEnd` >= ?',
      [streetId, today, today],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The contract's logs' days: the earliest and latest, so a new period cannot leave any outside. */
  async loggedDays(contractId: number): Promise<{ first: string | null; last: string | null }> {
    const rows = await this.db.rawQuery<{ first: string | null; last: string | null }>(
      'SELECT MIN(l.`servedOn`) AS `first`, MAX(l.`servedOn`) AS `last` FROM `service_item` i JOIN `service_log` l ON l.`itemId` = i.`id` WHERE i.`contractId` = ?',
      [contractId],
    );
    return rows[0] ?? { first: null, last: null };
  }
}

function marks(ids: number[]): string {
  return ids.map(() => '?').join(', ');
}
