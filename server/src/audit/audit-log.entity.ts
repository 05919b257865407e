import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of staff actions. Nothing updates or deletes these rows, and each row carries the hash of the
 * one before it in its chain (one chain per street; chain 0 for actions outside any street), so an edited,
 * removed or inserted row breaks the chain where it happened (`admin audit-verify`). The unique (chain, seq) key
 * backs the serialised append: two rows can never claim the same place.
 */
@Entity('audit_log')
@Index(['communityId', 'id'])
@Index(['streetId', 'id'])
@Index(['chain', 'seq'], { unique: true })
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  /** The street the action belongs to (from the community when not given); what street admins read by. */
  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'varchar', length: 32 })
  targetType: string;

  @Column({ type: 'int', nullable: true })
  targetId: number | null;

  /** Small JSON document; never queried into (MySQL and MariaDB treat JSON columns differently). */
  @Column({ type: 'text' })
  detail: string;

  /** Whole seconds: what both databases' DATETIME keep, so the hash is computed over the stored value. */
  @Column({ type: 'datetime' })
  createdAt: Date;

  /** The street's id, 0 for no street; -1 for rows written before the chain existed. */
  @Column({ type: 'int', default: 0 })
  chain: number;

  /** Position in the chain, from 1, without gaps. */
  @Column({ type: 'int', default: 0 })
  seq: number;

  @Column({ type: 'varchar', length: 64, default: '' })
  prevHash: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  hash: string;
}
