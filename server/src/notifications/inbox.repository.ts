import { Injectable } from '@nestjs/common';
import type { InboxKind } from '@linli/shared';
import { IsNull } from 'typeorm';
import { Database } from '../database/database.js';
import { InboxItem } from './inbox-item.entity.js';

export interface NewInboxItem {
  userId: number;
  kind: InboxKind;
  title: string;
  body: string;
  activityId: number | null;
  pollId: number | null;
  createdAt: Date;
}

@Injectable()
export class InboxRepository {
  constructor(private readonly db: Database) {}

  insert(item: NewInboxItem) {
    return this.db.run(async (em) => {
      await em.insert(InboxItem, { ...item, readAt: null });
    });
  }

  /** The same notice to many users, a few hundred rows per statement. */
  insertForUsers(userIds: number[], item: Omit<NewInboxItem, 'userId'>) {
    return this.db.run(async (em) => {
      for (let i = 0; i < userIds.length; i += 500) {
        const rows = userIds.slice(i, i + 500).map((userId) => ({ ...item, userId, readAt: null }));
        await em.createQueryBuilder().insert().into(InboxItem).values(rows).updateEntity(false).execute();
      }
    });
  }

  pageOf(userId: number, page: number, pageSize: number): Promise<[InboxItem[], number]> {
    return this.db.run((em) =>
      em.findAndCount(InboxItem, { where: { userId }, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize }),
    );
  }

  unreadCount(userId: number): Promise<number> {
    return this.db.run((em) => em.countBy(InboxItem, { userId, readAt: IsNull() }));
  }

  /** Marks the user's unread items read: those of `ids` that are theirs, or all when `ids` is undefined. */
  markRead(userId: number, ids: number[] | undefined, at: Date): Promise<void> {
    return this.db.run(async (em) => {
      const q = em.createQueryBuilder().update(InboxItem).set({ readAt: at }).where('userId = :userId AND readAt IS NULL', { userId });
      if (ids) q.andWhere('id IN (:...ids)', { ids });
      await q.execute();
    });
  }
}
