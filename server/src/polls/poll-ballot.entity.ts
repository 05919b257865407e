import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A ballot: what was chosen, and nothing about who chose it or when. The id is 128 random bits (not an
 * auto-increment, and on SQLite the table has no rowid either), so neither ids nor the table's own order say in
 * which order ballots arrived; there is no timestamp and no column naming a user, household or participation.
 * Only ballot-box.repository.ts reads or writes this table (a test checks).
 */
@Entity('poll_ballot', { withoutRowid: true })
@Index(['pollId', 'receiptHash'], { unique: true })
export class PollBallot {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ type: 'int' })
  pollId: number;

  /** The answers JSON: [{questionId, optionIds}]; never queried into. */
  @Column({ type: 'text' })
  answers: string;

  /** From the opinion box (free text), or ''. */
  @Column({ type: 'varchar', length: 500 })
  opinion: string;

  /** 1 while the opinion waits for a staff member's look (the content check said review); not exported till then. */
  @Column({ type: 'tinyint', default: 0 })
  opinionHeld: 0 | 1;

  /** SHA-256 of the receipt code shown once to the voter (the code itself is never stored). */
  @Column({ type: 'varchar', length: 64 })
  receiptHash: string;
}
