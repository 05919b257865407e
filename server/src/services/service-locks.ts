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
   * The item and its contract under a shared lock: concurrent logs share it, while an edit of the item (its unit)
   * or of the contract (its period) takes an exclusive lock and so runs wholly before or after this log.
   */
  async itemForLog(itemId: number): Promise<LockedItem | null> {
    const rows = await this.db.rawQuery<LockedItem>(
      'SELECT i.`unit`, i.`tiers`, c.`periodStart`, c.`periodEnd` FROM `service_item` i JOIN `service_contract` c ON c.`id` = i.`contractId` WHERE i.`id` = ?' +
        (this.db.kind === 'mysql' ? ' LOCK IN SHARE MODE' : ''),
      [itemId],
    );
    return rows[0] ?? null;
  }
}
