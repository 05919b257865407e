import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A desk logged in as a staff member: its token names this row and works while it is neither revoked nor expired. */
@Entity('desk_session')
@Index(['userId', 'expiresAt'])
export class DeskSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 64 })
  label: string;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  /** Updated at most once a minute (see DeskSessionCheck), so a busy desk costs no write per request. */
  @Column({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
