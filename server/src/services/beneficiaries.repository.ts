import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Household } from '../communities/household.entity.js';
import { Database } from '../database/database.js';
import { ServiceBeneficiary } from './service-beneficiary.entity.js';

export type BeneficiaryValues = Omit<ServiceBeneficiary, 'id'>;

@Injectable()
export class BeneficiariesRepository {
  constructor(private readonly db: Database) {}

  findById(id: number): Promise<ServiceBeneficiary | null> {
    return this.db.run((em) => em.findOneBy(ServiceBeneficiary, { id }));
  }

  /** The item's register (people still on it), by name. */
  onItem(itemId: number): Promise<ServiceBeneficiary[]> {
    return this.db.run((em) => em.find(ServiceBeneficiary, { where: { itemId, archivedAt: IsNull() }, order: { name: 'ASC', id: 'ASC' } }));
  }

  async insert(values: BeneficiaryValues): Promise<number> {
    return this.db.run(async (em) => (await em.insert(ServiceBeneficiary, values)).identifiers[0].id as number);
  }

  async update(id: number, patch: Partial<BeneficiaryValues>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.run((em) => em.update(ServiceBeneficiary, { id }, patch));
  }

  /** Archives once: false when it was already off the register. */
  async archive(id: number, at: Date): Promise<boolean> {
    return this.db.run(async (em) => ((await em.update(ServiceBeneficiary, { id, archivedAt: IsNull() }, { archivedAt: at })).affected ?? 0) === 1);
  }

  /** Tiers still held by someone on the item's register. */
  async tiersInUse(itemId: number): Promise<Set<string>> {
    const rows = await this.db.run((em) =>
      em
        .createQueryBuilder(ServiceBeneficiary, 'b')
        .select('DISTINCT b.tier', 'tier')
        .where('b.itemId = :itemId AND b.archivedAt IS NULL AND b.tier IS NOT NULL', { itemId })
        .getRawMany<{ tier: string }>(),
    );
    return new Set(rows.map((r) => r.tier));
  }

  households(ids: number[]): Promise<Household[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.db.run((em) => em.findBy(Household, { id: In(unique) }));
  }

  /** The latest day served by a log that no void cancelled. */
  async lastServedOn(beneficiaryId: number): Promise<string | null> {
    const rows = await this.db.rawQuery<{ last: string | null }>(
      'SELECT MAX(l.`servedOn`) AS `last` FROM `service_log` l WHERE l.`beneficiaryId` = ? AND l.`voidsId` IS NULL ' +
        'AND NOT EXISTS (SELECT 1 FROM `service_log` v WHERE v.`voidsId` = l.`id`)',
      [beneficiaryId],
    );
    return rows[0]?.last ?? null;
  }

  /**
   * Moves the last served day forward (never back: a late entry for an older day leaves it) and its due day with it.
   * One conditional update, so two logs for the same person arriving together both leave the latest day; false when
   * the day did not move.
   */
  async served(id: number, servedOn: string, dueOn: string | null): Promise<boolean> {
    const changed = await this.db.execute(
      'UPDATE `service_beneficiary` SET `lastServedOn` = ?, `dueOn` = ? WHERE `id` = ? AND (`lastServedOn` IS NULL OR `lastServedOn` < ?)',
      [servedOn, dueOn, id, servedOn],
    );
    return changed === 1;
  }

  /**
   * The people due by `until` on the registers of the items the worker is assigned to, under contracts running today,
   * nearest due first: from the worker's assignments to each register through (itemId, archivedAt, dueOn).
   */
  dueFor(userId: number, until: string, today: string, limit: number): Promise<DueRow[]> {
    return this.db
      .rawQuery<DueRow>(
        'SELECT b.`id`, b.`name`, b.`householdId`, b.`tier`, b.`lastServedOn`, b.`dueOn`, i.`id` AS `itemId`, i.`name` AS `itemName`, c.`providerId` ' +
          'FROM `service_item_worker` w JOIN `service_item` i ON i.`id` = w.`itemId` JOIN `service_contract` c ON c.`id` = i.`contractId` ' +
          'JOIN `service_beneficiary` b ON b.`itemId` = i.`id` AND b.`archivedAt` IS NULL AND b.`dueOn` <= ? ' +
          `WHERE w.\`userId\` = ? AND c.\`periodStart\` <= ? AND c.\`periodEnd\` >= ? ORDER BY b.\`dueOn\`, b.\`id\` LIMIT ${Math.floor(limit)}`,
        [until, userId, today, today],
      )
      .then((rows) => rows.map((r) => ({ ...r, id: Number(r.id), itemId: Number(r.itemId), providerId: Number(r.providerId), householdId: r.householdId === null ? null : Number(r.householdId) })));
  }
}

export interface DueRow {
  id: number;
  name: string;
  householdId: number | null;
  tier: string;
  lastServedOn: string | null;
  dueOn: string;
  itemId: number;
  itemName: string;
  providerId: number;
}
