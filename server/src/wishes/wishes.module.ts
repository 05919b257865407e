import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ServiceRequestsModule } from '../service-requests/service-requests.module.js';
import { WishMapper } from './wish.mapper.js';
import { WishesController } from './wishes.controller.js';
import { WishesRepository } from './wishes.repository.js';
import { WishesService } from './wishes.service.js';

/** 微心愿: small wishes of people in need, claimed one-to-one. */
@Module({
  imports: [AccessModule, AuditModule, NotificationsModule, ServiceRequestsModule],
  controllers: [WishesController],
  providers: [WishesService, WishesRepository, WishMapper],
})
export class WishesModule {}
