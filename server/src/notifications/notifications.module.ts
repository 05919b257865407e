import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { InboxController } from './inbox.controller.js';
import { InboxRepository } from './inbox.repository.js';
import { NotificationService } from './notification.service.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { WechatMessages } from './wechat-messages.service.js';
import { WechatSendQueue } from './wechat-send-queue.js';
import { WechatSendsRepository } from './wechat-sends.repository.js';

@Module({
  imports: [AccessModule],
  controllers: [InboxController, SubscriptionsController],
  providers: [NotificationService, InboxRepository, WechatMessages, WechatSendQueue, WechatSendsRepository],
  exports: [NotificationService],
})
export class NotificationsModule {}
