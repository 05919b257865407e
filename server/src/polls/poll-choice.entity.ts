import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One option a ballot chose: what tallies are counted from (an index scan per poll), written with the ballot.
 * Like the ballot it names no voter and keeps no time or order: the key is (poll, option, ballot id), the ballot
 * id is random, and on SQLite there is no rowid. Only ballot-box.repository.ts reads or writes it.
 */
@Entity('poll_choice', { withoutRowid: true })
export class PollChoice {
  @PrimaryColumn({ type: 'int' })
  pollId: number;

  @PrimaryColumn({ type: 'int' })
  optionId: number;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  ballotId: string;

  /** Kept beside the key so a recount can check every choice against its question. */
  @Column({ type: 'int' })
  questionId: number;
}
