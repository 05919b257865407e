import { Injectable } from '@nestjs/common';
import type { InboxKind } from '@linli/shared';
import { Database } from '../database/database.js';
import { InboxItem } from './inbox-item.entity.js';

@Injectable()
export class InboxRepository {
  constructor(private readonly db: Database) {}

  insert(item: { userId: number; kind: InboxKind; title: string; body: string; activityId: number | null; createdAt: Date }) {
    return this.db.run(async (em) => {
      await em.insert(InboxItem, { ...item, readAt: null });
    });
  }

  pageOf(userId: number, page: number, pageSize: number): Promise<[InboxItem[], number]> {
    return this.db.run((em) =>
      em.findAndCount(InboxItem, { where: { userId }, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize }),
    );
  }
}
