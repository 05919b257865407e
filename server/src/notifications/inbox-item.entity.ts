import type { InboxKind } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One in-app notification. */
@Entity('inbox_item')
@Index(['userId', 'id'])
// The unread count on every visit to 我的.
@Index(['userId', 'readAt'])
export class InboxItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  kind: InboxKind;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  @Column({ type: 'int', nullable: true })
  activityId: number | null;

  /** The consultation a poll notice is about. */
  @Column({ type: 'int', nullable: true })
  pollId: number | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;
}
