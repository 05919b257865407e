import type { IncubationStage, LegalStatus, OrganisationType } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Street } from './street.entity.js';

/** A social organisation, social-work organisation or volunteer team registered with a street. */
@Entity('organisation')
@Index(['streetId', 'name'], { unique: true })
export class Organisation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  streetId: number;

  @ManyToOne(() => Street, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'streetId' })
  street: Relation<Street>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  type: OrganisationType;

  @Column({ type: 'varchar', length: 32, default: 'unregistered' })
  legalStatus: LegalStatus;

  /** 统一社会信用代码 or 备案编号. */
  @Column({ type: 'varchar', length: 64, default: '' })
  registrationNo: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  leader: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  contactPhone: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  /** Suspended: its staff keep their grants but lose every organisation power until it is reinstated. */
  @Column({ type: 'datetime', nullable: true })
  suspendedAt: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'applied' })
  stage: IncubationStage;

  /** The day each incubation stage began (YYYY-MM-DD); null for stages not reached. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  appliedOn: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  incubatingOn: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  graduatedOn: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  exitedOn: string | null;

  /** The organisation that incubates (mentors) this one. */
  @Column({ type: 'int', nullable: true })
  mentorId: number | null;
}
