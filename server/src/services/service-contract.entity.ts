import type { ServiceContractType } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organisation } from '../communities/organisation.entity.js';

/** A service contract (委托转移 / 政府购买): a buyer (a community, or the street when communityId is null) and a provider. */
@Entity('service_contract')
@Index(['streetId', 'periodEnd'])
@Index(['communityId', 'periodEnd'])
export class ServiceContract {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'int' })
  @Index()
  providerId: number;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'providerId' })
  provider: Relation<Organisation>;

  @Column({ type: 'int', nullable: true })
  @Index()
  evaluatorId: number | null;

  @Column({ type: 'varchar', length: 16 })
  type: ServiceContractType;

  /** China days, YYYY-MM-DD, both included. */
  @Column({ type: 'varchar', length: 10 })
  periodStart: string;

  @Column({ type: 'varchar', length: 10 })
  periodEnd: string;

  @Column({ type: 'int' })
  amountFen: number;

  /** Bumped by every edit; an edit names the version it read (a conditional update). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'int' })
  createdBy: number;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
