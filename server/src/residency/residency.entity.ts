import type { ResidencySource } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Household } from '../communities/household.entity.js';

/** A verified resident of a household: one row per user and household, whatever verified it. */
@Entity('residency')
@Index(['userId', 'householdId'], { unique: true })
// Leads with the community like the old single-column index did, and covers the dashboard's verified-by-month count.
@Index(['communityId', 'verifiedAt'])
export class Residency {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  householdId: number;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'householdId' })
  household: Relation<Household>;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 16 })
  source: ResidencySource;

  @Column({ type: 'datetime' })
  verifiedAt: Date;
}
