import type { ServiceForm } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ServiceBeneficiary } from './service-beneficiary.entity.js';
import { ServiceItem } from './service-item.entity.js';

/**
 * One service done (append-only: no code path updates or deletes a row). A correction is a void entry: a new row
 * naming the log it cancels (`voidsId`, unique, so a log is voided once) with the negated quantity and minutes.
 */
@Entity('service_log')
@Index(['itemId', 'servedOn'])
@Index(['beneficiaryId', 'servedOn'])
export class ServiceLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  itemId: number;

  @ManyToOne(() => ServiceItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'itemId' })
  item: Relation<ServiceItem>;

  @Column({ type: 'int', nullable: true })
  beneficiaryId: number | null;

  @ManyToOne(() => ServiceBeneficiary, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'beneficiaryId' })
  beneficiary: Relation<ServiceBeneficiary> | null;

  @Column({ type: 'int' })
  workerId: number;

  @Column({ type: 'varchar', length: 10 })
  servedOn: string;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ type: 'varchar', length: 20 })
  form: ServiceForm;

  @Column({ type: 'int' })
  peopleServed: number;

  /** What this row adds to the item in its unit (1 per 户次/场次, people for 人次, minutes for 小时); negated on a void. */
  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  /** JSON array of our own upload addresses. */
  @Column({ type: 'varchar', length: 4000, default: '[]' })
  photos: string;

  @Column({ type: 'int', nullable: true, unique: true })
  voidsId: number | null;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
