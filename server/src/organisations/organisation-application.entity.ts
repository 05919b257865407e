import type { ClaimStatus } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A community group's application for 备案; approving it creates its organisation once. */
@Entity('organisation_application')
@Index(['communityId', 'status', 'id'])
export class OrganisationApplication {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  @Index()
  applicantId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  leader: string;

  @Column({ type: 'int' })
  membersCount: number;

  @Column({ type: 'varchar', length: 500 })
  activities: string;

  @Column({ type: 'varchar', length: 200 })
  venue: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: ClaimStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  /** Set by the approval; unique so that one application can never make two organisations. */
  @Column({ type: 'int', nullable: true, unique: true })
  organisationId: number | null;

  @Column({ type: 'int', nullable: true })
  deciderId: number | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;
}
