import type { ServiceEvaluationStage } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A mid-term or final evaluation of a contract; one per stage (the unique key decides between racing evaluators). */
@Entity('service_evaluation')
@Index(['contractId', 'stage'], { unique: true })
export class ServiceEvaluation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  contractId: number;

  @Column({ type: 'varchar', length: 16 })
  stage: ServiceEvaluationStage;

  /** JSON [{dimension, score, max}]. */
  @Column({ type: 'varchar', length: 2000 })
  scores: string;

  @Column({ type: 'int' })
  satisfaction: number;

  @Column({ type: 'varchar', length: 2000, default: '' })
  comments: string;

  @Column({ type: 'int' })
  evaluatorId: number;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
