import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The monthly sum of an item's logs, kept in the same transaction as every log and void (an upsert that adds the
 * row's deltas), so progress and the street summary read a few rows per item instead of millions of logs.
 */
@Entity('service_item_month')
export class ServiceItemMonth {
  @PrimaryColumn({ type: 'int' })
  itemId: number;

  /** YYYY-MM of the day served. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'int', default: 0 })
  quantity: number;

  @Column({ type: 'int', default: 0 })
  logs: number;

  @Column({ type: 'int', default: 0 })
  minutes: number;
}
