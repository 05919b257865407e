import type { BallotSecrecy, PassRule, ResultsVisibility, VoterMode } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Community } from '../communities/community.entity.js';

export type PollStatus = 'draft' | 'open' | 'closed';

/**
 * A consultation. Everything but the status, closesAt and the publication is fixed once it is published. It
 * keeps no counters: turnout and tallies are counted from the participation and choice rows, so no two ballots
 * ever wait on the same row (a ballot only takes a shared lock on this one, to commit before a close or not at all).
 */
@Entity('poll')
@Index(['communityId', 'status', 'closesAt'])
export class Poll {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  community: Relation<Community>;

  @Column({ type: 'int' })
  createdBy: number;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  /** Background HTML, sanitised as articles are (images only from our own uploads); never queried into. */
  @Column({ type: 'text' })
  background: string;

  /** Building names JSON (empty = the whole community); never queried into. */
  @Column({ type: 'text' })
  buildings: string;

  @Column({ type: 'varchar', length: 16 })
  voterMode: VoterMode;

  @Column({ type: 'varchar', length: 16 })
  secrecy: BallotSecrecy;

  @Column({ type: 'datetime' })
  opensAt: Date;

  /** Moved to the moment of closing when staff close early. */
  @Column({ type: 'datetime' })
  closesAt: Date;

  @Column({ type: 'varchar', length: 16 })
  resultsVisibility: ResultsVisibility;

  @Column({ type: 'int' })
  minBallots: number;

  @Column({ type: 'int' })
  quorumPercent: number;

  @Column({ type: 'varchar', length: 16 })
  passRule: PassRule;

  @Column({ type: 'tinyint' })
  opinionsEnabled: number;

  @Column({ type: 'varchar', length: 16 })
  status: PollStatus;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  publicationStatement: string | null;

  /** The results (tally, turnout, quorum, outcome) as published, JSON; never queried into. */
  @Column({ type: 'text', nullable: true })
  publicationResults: string | null;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
