import { Injectable } from '@nestjs/common';
import type { InboxItem as InboxItemDto, InboxKind, Page } from '@linli/shared';
import { Clock } from '../clock/clock.js';
import { InboxRepository } from './inbox.repository.js';
import type { NoticeText } from './subscribe-templates.js';
import { WechatMessages } from './wechat-messages.service.js';

export interface NotificationContent extends NoticeText {
  activityId: number | null;
  pollId?: number | null;
  /** The page a WeChat copy opens, when it is about neither an activity nor a consultation. */
  page?: string;
}

/**
 * The one way anything tells a user something. Called inside the transaction of the state change it reports,
 * so a notice exists exactly when the change does. The inbox always gets it; a WeChat subscribe message goes out
 * too when WeChat is configured and the user has an acceptance of that template left (queued after commit).
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly clock: Clock,
    private readonly wechat: WechatMessages,
  ) {}

  async notify(userId: number, kind: InboxKind, content: NotificationContent): Promise<void> {
    await this.inbox.insert({ userId, ...this.notice(kind, content) });
    await this.wechat.queueFor([userId], kind, content);
  }

  /** One notice to many users (everyone who may vote in a consultation), in the caller's transaction. */
  async notifyMany(userIds: number[], kind: InboxKind, content: NotificationContent): Promise<void> {
    await this.inbox.insertForUsers(userIds, this.notice(kind, content));
    await this.wechat.queueFor(userIds, kind, content);
  }

  /** A notice as stored: title and body cut to their columns' lengths. */
  private notice(kind: InboxKind, content: NotificationContent) {
    return {
      kind,
      title: content.title.slice(0, 100),
      body: content.body.slice(0, 500),
      activityId: content.activityId,
      pollId: content.pollId ?? null,
      createdAt: this.clock.now(),
    };
  }

  async inboxOf(userId: number, page: number, pageSize: number): Promise<Page<InboxItemDto> & { unreadCount: number }> {
    const [[items, total], unreadCount] = await Promise.all([this.inbox.pageOf(userId, page, pageSize), this.inbox.unreadCount(userId)]);
    return {
      items: items.map((i) => ({
        id: i.id,
        kind: i.kind,
        title: i.title,
        body: i.body,
        activityId: i.activityId,
        pollId: i.pollId,
        createdAt: i.createdAt.toISOString(),
        readAt: i.readAt?.toISOString() ?? null,
      })),
      total,
      page,
      pageSize,
      unreadCount,
    };
  }

  /** Someone else's ids match nothing, so they neither change anything nor tell whether they exist. */
  async markRead(userId: number, ids: number[] | undefined): Promise<{ unreadCount: number }> {
    await this.inbox.markRead(userId, ids, this.clock.now());
    return { unreadCount: await this.inbox.unreadCount(userId) };
  }
}
