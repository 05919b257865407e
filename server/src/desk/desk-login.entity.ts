import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A desk's request to log in, shown as a QR for two minutes. Only hashes of the ticket (in the QR) and of the
 * desk's key (kept by the desk) are stored. Confirming and collecting are each one conditional update, so a ticket
 * is confirmed once and its session handed over once, however many requests race.
 */
@Entity('desk_login')
export class DeskLogin {
  @PrimaryGeneratedColumn()
  id: number;

  /** SHA-256 of the ticket, hex. */
  @Column({ type: 'varchar', length: 64, unique: true })
  ticketHash: string;

  /** SHA-256 of the desk's key, hex. */
  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  /** "Chrome · Windows", from the desk's User-Agent: shown, never trusted. */
  @Column({ type: 'varchar', length: 64 })
  label: string;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'int', nullable: true })
  confirmedBy: number | null;

  @Column({ type: 'datetime', nullable: true })
  confirmedAt: Date | null;

  /** The desk session the confirm opened. */
  @Column({ type: 'int', nullable: true })
  sessionId: number | null;

  /** When the desk took its session's token: after that the ticket is spent. */
  @Column({ type: 'datetime', nullable: true })
  collectedAt: Date | null;
}
