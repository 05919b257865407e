import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PollQuestion } from './poll-question.entity.js';

/** An answer option (its tally is counted from poll_choice). */
@Entity('poll_option')
@Index(['pollId', 'position'])
export class PollOption {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  pollId: number;

  @Column({ type: 'int' })
  questionId: number;

  @ManyToOne(() => PollQuestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionId' })
  question: Relation<PollQuestion>;

  /** Order within the poll (questions in order, then options in order). */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'varchar', length: 200 })
  description: string;
}
