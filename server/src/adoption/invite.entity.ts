import type { InvitableRole } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time invitation to a role in a scope. Accepting it is one conditional update (`acceptedAt IS NULL AND
 * expiresAt > now`): of two people typing the same code at once, one gets the grant.
 */
@Entity('invite')
@Index(['streetId', 'id'])
export class Invite {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 6, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 32 })
  role: InvitableRole;

  /** The street the scope lies in: every invite belongs to one. */
  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'int', nullable: true })
  organisationId: number | null;

  /** Null: made by the setup command. */
  @Column({ type: 'int', nullable: true })
  inviterId: number | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  acceptedBy: number | null;
}
