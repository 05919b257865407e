import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person on a service item's register (sensitive: its workers, the committee and the street only). */
@Entity('service_beneficiary')
@Index(['itemId', 'archivedAt', 'dueOn'])
export class ServiceBeneficiary {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  itemId: number;

  /** The item's community: where the people on its register live. */
  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'int', nullable: true })
  householdId: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  tier: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  notes: string;

  /** The latest day served (from the logs, kept in the same transaction as each log). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  lastServedOn: string | null;

  /** When the tier's rule wants the next visit: last served (or registered) + everyDays; null without a rule. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 10 })
  registeredOn: string;

  /** Off the register; past logs keep pointing here. */
  @Column({ type: 'datetime', nullable: true })
  archivedAt: Date | null;
}
