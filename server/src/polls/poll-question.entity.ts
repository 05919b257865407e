import type { PollQuestionKind } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Poll } from './poll.entity.js';

@Entity('poll_question')
@Index(['pollId', 'position'])
export class PollQuestion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  pollId: number;

  @ManyToOne(() => Poll, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pollId' })
  poll: Relation<Poll>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PollQuestionKind;

  @Column({ type: 'int' })
  minChoices: number;

  @Column({ type: 'int' })
  maxChoices: number;
}
