import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller.js';
import { InboxRepository } from './inbox.repository.js';
import { NotificationService } from './notification.service.js';

@Module({
  controllers: [InboxController],
  providers: [NotificationService, InboxRepository],
  exports: [NotificationService],
})
export class NotificationsModule {}
