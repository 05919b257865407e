import { Injectable } from '@nestjs/common';
import type { InboxItem as InboxItemDto, InboxKind, Page } from '@linli/shared';
import { Clock } from '../clock/clock.js';
import { InboxRepository } from './inbox.repository.js';

export interface NotificationContent {
  title: string;
  body: string;
  activityId: number | null;
}

/**
 * The one way anything tells a user something. Called inside the transaction of the state change it reports,
 * so a notice exists exactly when the change does. (WeChat subscribe messages will be sent from here too.)
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly clock: Clock,
  ) {}

  notify(userId: number, kind: InboxKind, content: NotificationContent): Promise<void> {
    return this.inbox.insert({
      userId,
      kind,
      title: content.title.slice(0, 100),
      body: content.body.slice(0, 500),
      activityId: content.activityId,
      createdAt: this.clock.now(),
    });
  }

  async inboxOf(userId: number, page: number, pageSize: number): Promise<Page<InboxItemDto>> {
    const [items, total] = await this.inbox.pageOf(userId, page, pageSize);
    return {
      items: items.map((i) => ({
        id: i.id,
        kind: i.kind,
        title: i.title,
        body: i.body,
        activityId: i.activityId,
        createdAt: i.createdAt.toISOString(),
        readAt: i.readAt?.toISOString() ?? null,
      })),
      total,
      page,
      pageSize,
    };
  }
}
