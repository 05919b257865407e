import type { SubscribeTemplateKey, WechatSendStatus } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One WeChat subscribe message: written with the notice it copies (in the same transaction, spending one
 * consent), then delivered by the send queue. Failed ones stay for staff to see.
 */
@Entity('wechat_send')
@Index(['status', 'communityId', 'id'])
export class WechatSend {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  templateKey: SubscribeTemplateKey;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  /** The page the message opens, e.g. 'packages/activity/detail?id=3'. */
  @Column({ type: 'varchar', length: 200 })
  page: string;

  /** The template fields, JSON `{ thing1: '…', time4: '…' }`, already cut to WeChat's limits. */
  @Column({ type: 'varchar', length: 1000 })
  data: string;

  @Column({ type: 'int', nullable: true })
  activityId: number | null;

  @Column({ type: 'int', nullable: true })
  pollId: number | null;

  /** The community the notice concerns: whose staff see the failure. */
  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: WechatSendStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'int', nullable: true })
  errcode: number | null;

  /** What went wrong last (WeChat's errmsg or the failure kind), for staff and the log. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  error: string | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
