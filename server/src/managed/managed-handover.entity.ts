import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time code with which a managed resident (or family) takes their account over. Only the code's SHA-256 is
 * stored; using it is one conditional update (`usedAt IS NULL AND expiresAt > now`), so a code is used once.
 */
@Entity('managed_handover')
@Index(['userId'])
export class ManagedHandover {
  @PrimaryGeneratedColumn()
  id: number;

  /** The managed account. */
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  codeHash: string;

  @Column({ type: 'int' })
  createdById: number;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;
}
