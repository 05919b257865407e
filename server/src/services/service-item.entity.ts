import type { ServiceTargetGroup, ServiceUnit } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ServiceContract } from './service-contract.entity.js';

/** A service item of a contract: what is done for whom, how much, and how often per beneficiary tier. */
@Entity('service_item')
@Index(['communityId', 'contractId'])
export class ServiceItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  @Index()
  contractId: number;

  @ManyToOne(() => ServiceContract, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contractId' })
  contract: Relation<ServiceContract>;

  /** The community served: the buyer's, or one of the street's for a street contract. */
  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 24 })
  targetGroup: ServiceTargetGroup;

  @Column({ type: 'varchar', length: 24 })
  unit: ServiceUnit;

  @Column({ type: 'int' })
  targetQuantity: number;

  /** JSON [{tier, everyDays}]: a small list read with the item, never queried into. */
  @Column({ type: 'varchar', length: 1000, default: '[]' })
  tiers: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
