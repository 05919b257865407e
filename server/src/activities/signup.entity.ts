import type { SignupRole, SignupStatus } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Activity } from './activity.entity.js';

/**
 * A sign-up. `active` is 1 while it holds or awaits a place (confirmed, waitlisted, offered, attended, no-show)
 * and NULL once cancelled, its offer expired or the activity was cancelled, so the unique key allows one live sign-up per user, activity
 * and role while keeping the history (NULLs never collide).
 */
@Entity('signup')
@Index(['activityId', 'userId', 'role', 'active'], { unique: true })
@Index(['activityId', 'status', 'id'])
@Index(['userId', 'id'])
// The dashboard counts each activity's participant sign-ups by status from this index alone.
@Index(['activityId', 'role', 'status'])
@Index(['status', 'offerExpiresAt'])
export class Signup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  activityId: number;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activityId' })
  activity: Relation<Activity>;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  role: SignupRole;

  @Column({ type: 'varchar', length: 32 })
  status: SignupStatus;

  @Column({ type: 'tinyint', nullable: true })
  active: 1 | null;

  /** Seats held: the resident plus companions. */
  @Column({ type: 'int' })
  size: number;

  /** Companions JSON; never queried into. */
  @Column({ type: 'text' })
  companions: string;

  /** Answers JSON; never queried into. */
  @Column({ type: 'text' })
  answers: string;

  /** 1 while the answers or companion names wait for a staff member's look (the content check said review). */
  @Column({ type: 'tinyint', default: 0 })
  contentHeld: 0 | 1;

  @Column({ type: 'datetime', nullable: true })
  offerExpiresAt: Date | null;

  /** The resident's sign-up QR code that staff scan. */
  @Column({ type: 'varchar', length: 32, unique: true })
  checkinCode: string;

  @Column({ type: 'datetime', nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  checkedOutAt: Date | null;

  /** Volunteer service time credited at check-out. */
  @Column({ type: 'int', nullable: true })
  minutes: number | null;

  @Column({ type: 'datetime', nullable: true })
  reminderSentAt: Date | null;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
