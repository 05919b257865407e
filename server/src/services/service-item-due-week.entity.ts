import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many people on an item's register (not archived, with a visit rule) fall due in a week, kept in the same
 * transaction as every write that moves someone's `dueOn` (register add, tier edit, archive, log, void, new rules),
 * under the item's row lock. The street summary counts people overdue from these few rows per item, plus the
 * register's own rows due earlier this week, instead of every overdue person on every register of the street.
 */
@Entity('service_item_due_week')
export class ServiceItemDueWeek {
  @PrimaryColumn({ type: 'int' })
  itemId: number;

  /** The Monday (YYYY-MM-DD) of the week the people fall due in. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  week: string;

  @Column({ type: 'int', default: 0 })
  people: number;
}
