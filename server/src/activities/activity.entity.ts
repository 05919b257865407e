import type { ActivityCategory, ActivityStatus } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Community } from '../communities/community.entity.js';
import { Organisation } from '../communities/organisation.entity.js';

/**
 * An activity and its seat counters. The counters change only through conditional UPDATEs in the same
 * transaction as the sign-up rows they account for, so they never drift from the rows.
 */
@Entity('activity')
@Index(['communityId', 'status', 'startsAt'])
@Index(['communityId', 'endsAt'])
@Index(['seriesId'])
// The dashboard: a community's published activities by start time, covering its activity counts (see src/stats).
// Status before the time range, so a street's ranges are as tight as (status, startsAt) and need no row reads.
@Index(['communityId', 'status', 'startsAt', 'category', 'seats', 'seatsTaken'])
// The sweeper's scans: activities starting soon (reminders) and recently ended (no-shows), across communities.
@Index(['status', 'startsAt'])
@Index(['status', 'endsAt'])
@Index(['status', 'remindAt'])
export class Activity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  community: Relation<Community>;

  /** The organising organisation; NULL when the committee organises it. */
  @Column({ type: 'int', nullable: true })
  organisationId: number | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organisationId' })
  organisation: Relation<Organisation> | null;

  /** A weekly class: the first session's id, shared by every session. */
  @Column({ type: 'int', nullable: true })
  seriesId: number | null;

  @Column({ type: 'int' })
  createdBy: number;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  category: ActivityCategory;

  @Column({ type: 'varchar', length: 500, nullable: true })
  coverUrl: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 100 })
  place: string;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'datetime' })
  signupOpensAt: Date;

  @Column({ type: 'datetime' })
  signupClosesAt: Date;

  @Column({ type: 'datetime' })
  cancelDeadline: Date;

  @Column({ type: 'int' })
  seats: number;

  /** Seats held by confirmed, offered and attended participants (each sign-up holds 1 + companions). */
  @Column({ type: 'int', default: 0 })
  seatsTaken: number;

  @Column({ type: 'int' })
  volunteerSlots: number;

  @Column({ type: 'int', default: 0 })
  volunteersTaken: number;

  /** Waitlisted participant sign-ups (rows, not seats). */
  @Column({ type: 'int', default: 0 })
  waitlistCount: number;

  /** Audience JSON; never queried into. */
  @Column({ type: 'text' })
  audience: string;

  /** Sign-up questions JSON; never queried into. */
  @Column({ type: 'text' })
  questions: string;

  @Column({ type: 'int' })
  companionsAllowed: number;

  @Column({ type: 'tinyint' })
  waitlistEnabled: number;

  @Column({ type: 'int' })
  offerHoldMinutes: number;

  /** How long before the start its reminder goes out (staff choose; REMINDER_HOURS by default). */
  @Column({ type: 'int' })
  reminderMinutes: number;

  /** startsAt − reminderMinutes, kept with them: the sweeper's reminder scan reads it. */
  @Column({ type: 'datetime' })
  remindAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: ActivityStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  /**
   * When it was first published; NULL while it never was. Residents see an activity from then on, cancelled
   * or not: a draft cancelled before anyone saw it stays the organisers' own (see `shownToResidents`).
   */
  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  /** Shown as the check-in QR code (fits a mini-program code's 32-character scene). */
  @Column({ type: 'varchar', length: 32, unique: true })
  checkinToken: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
