import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of staff actions. Nothing updates or deletes these rows. */
@Entity('audit_log')
@Index(['communityId', 'id'])
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'varchar', length: 32 })
  targetType: string;

  @Column({ type: 'int', nullable: true })
  targetId: number | null;

  /** Small JSON document; never queried into (MySQL and MariaDB treat JSON columns differently). */
  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
