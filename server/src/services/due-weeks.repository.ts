import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { weekOf } from './days.js';

/**
 * The per-item, per-week counts of people due (`service_item_due_week`). Every method runs in the caller's
 * transaction, which holds the item's row lock (ServiceLocks.itemForLog, or the item's own versioned update): the
 * register rows of an item change only under that lock, so the `dueOn` a caller read there is the one it replaces.
 */
@Injectable()
export class DueWeeksRepository {
  constructor(private readonly db: Database) {}

  /** One person's due day moves (null: off the register, or no rule; nothing changes when the week stays). */
  async move(itemId: number, from: string | null, to: string | null): Promise<void> {
    const fromWeek = from === null ? null : weekOf(from);
    const toWeek = to === null ? null : weekOf(to);
    if (fromWeek === toWeek) return;
    if (fromWeek !== null) await this.add(itemId, fromWeek, -1);
    if (toWeek !== null) await this.add(itemId, toWeek, 1);
  }

  /** The item's counts recounted from its register's due days (after new visit rules move everyone). */
  async rebuild(itemId: number, dues: (string | null)[]): Promise<void> {
    await this.db.execute('DELETE FROM `service_item_due_week` WHERE `itemId` = ?', [itemId]);
    const weeks = new Map<string, number>();
    for (const due of dues) if (due !== null) weeks.set(weekOf(due), (weeks.get(weekOf(due)) ?? 0) + 1);
    for (const [week, people] of weeks) {
      await this.db.execute('INSERT INTO `service_item_due_week` (`itemId`, `week`, `people`) VALUES (?, ?, ?)', [itemId, week, people]);
    }
  }

  /** A week emptied is deleted, so the street's reads sum only weeks someone is due in. */
  private async add(itemId: number, week: string, people: 1 | -1): Promise<void> {
    const upsert =
      this.db.kind === 'mysql'
        ? 'INSERT INTO `service_item_due_week` (`itemId`, `week`, `people`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `people` = `people` + VALUES(`people`)'
        : 'INSERT INTO `service_item_due_week` (`itemId`, `week`, `people`) VALUES (?, ?, ?) ON CONFLICT (`itemId`, `week`) DO UPDATE SET `people` = `people` + excluded.`people`';
    await this.db.execute(upsert, [itemId, week, people]);
    if (people < 0) await this.db.execute('DELETE FROM `service_item_due_week` WHERE `itemId` = ? AND `week` = ? AND `people` = 0', [itemId, week]);
  }
}
