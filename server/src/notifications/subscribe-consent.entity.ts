import type { SubscribeTemplateKey } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** How many one-time WeChat messages of one template a user has allowed and not yet been sent. */
@Entity('subscribe_consent')
@Index(['userId', 'templateKey'], { unique: true })
export class SubscribeConsent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  templateKey: SubscribeTemplateKey;

  /** Each accept adds one; each message sent spends one. */
  @Column({ type: 'int' })
  remaining: number;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
