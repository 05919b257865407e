import { Injectable } from '@nestjs/common';
import type { ServiceUnit } from '@linli/shared';
import { Database } from '../database/database.js';

export interface LockedItem {
  unit: ServiceUnit;
  tiers: string;
  periodStart: string;
  periodEnd: string;
}

/** Row locks a log takes inside its transaction (SQLite runs one transaction at a time, so it needs none). */
@Injectable()
export class ServiceLocks {
  constructor(private readonly db: Database) {}

  /**
   * The item and its contract, locked for the rest of the transaction: the logs and voids of an item queue here,
   * and an edit of the item (its unit) or of the contract (its period) runs wholly before or after each of them.
   * A shared lock is not enough: two logs holding it would each then wait for the other's lock on the month's summary
   * row and the beneficiary's row (a deadlock). Every staff write of a street queues on its audit chain anyway, so
   * this costs no throughput; taking these rows first keeps the lock order the same for every writer.
   */
  async itemForLog(itemId: number): Promise<LockedItem | null> {
    const rows = await this.db.rawQuery<LockedItem>(
      'SELECT i.`unit`, i.`tiers`, c.`periodStart`, c.`periodEnd` FROM `service_item` i JOIN `service_contract` c ON c.`id` = i.`contractId` WHERE i.`id` = ?' +
        (this.db.kind === 'mysql' ? ' FOR UPDATE' : ''),
      [itemId],
    );
    return rows[0] ?? null;
  }
}
