import type { BallotChannel } from '@linli/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That a voter took part, and nothing of what they chose. Its primary key (poll, voter key) is what stops a
 * second vote: `u:<userId>` when each person votes, `h:<householdId>` when each household does.
 */
@Entity('poll_participation')
export class PollParticipation {
  /**
   * No foreign key on purpose: its check would take a shared lock on the poll row, which every ballot's
   * transaction then wants to update; two ballots holding it would deadlock each other.
   */
  @PrimaryColumn({ type: 'int' })
  pollId: number;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  voterKey: string;

  @Column({ type: 'varchar', length: 8 })
  channel: BallotChannel;

  /** Named ballots only: the ballot this voter cast. Always NULL for a secret ballot. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  namedBallotId: string | null;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
