import type { AssigneeKind, ServiceCategory, ServiceRequestState } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A resident's ask for help and where it stands (居民点单 → 社区派单 → 接单 → 完成 → 评价). */
@Entity('service_request')
@Index(['communityId', 'state', 'id'])
@Index(['requesterId', 'id'])
@Index(['householdId', 'id'])
@Index(['assigneeUserId', 'id'])
@Index(['assigneeOrganisationId', 'id'])
export class ServiceRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int' })
  householdId: number;

  @Column({ type: 'varchar', length: 16 })
  category: ServiceCategory;

  @Column({ type: 'varchar', length: 300 })
  details: string;

  @Column({ type: 'datetime', nullable: true })
  neededAt: Date | null;

  @Column({ type: 'varchar', length: 32, default: '' })
  contactName: string;

  /** The delegated service item it counts toward; not a foreign key (items live in another feature). */
  @Column({ type: 'int', nullable: true })
  serviceItemId: number | null;

  @Column({ type: 'varchar', length: 16 })
  state: ServiceRequestState;

  /** Who asked: the resident, or the staff member who typed in a phone call. */
  @Column({ type: 'int' })
  requesterId: number;

  @Column({ type: 'boolean', default: false })
  enteredByStaff: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  declineReason: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  assigneeKind: AssigneeKind | null;

  @Column({ type: 'int', nullable: true })
  assigneeUserId: number | null;

  @Column({ type: 'int', nullable: true })
  assigneeOrganisationId: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  doneNote: string | null;

  @Column({ type: 'int', nullable: true })
  rating: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  comment: string | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
