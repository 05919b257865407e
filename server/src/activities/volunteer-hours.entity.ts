import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The volunteer hours ledger: one credit per volunteer sign-up, written at check-out. */
@Entity('volunteer_hours')
@Index(['userId', 'id'])
// Covering: a community's hours by month (from its activities), a volunteer's total and this year's hours.
@Index(['activityId', 'createdAt', 'minutes'])
@Index(['userId', 'createdAt', 'minutes'])
export class VolunteerHours {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  activityId: number;

  @Column({ type: 'int', unique: true })
  signupId: number;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
