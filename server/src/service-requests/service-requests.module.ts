import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CommunityPeopleRepository } from './community-people.repository.js';
import { ServiceRequestMapper } from './service-request.mapper.js';
import { ServiceRequestsController } from './service-requests.controller.js';
import { ServiceRequestsRepository } from './service-requests.repository.js';
import { ServiceRequestsService } from './service-requests.service.js';

/** Residents ask for help (居民点单 → 社区派单 → 接单 → 完成 → 评价). */
@Module({
  imports: [AccessModule, AuditModule, NotificationsModule],
  controllers: [ServiceRequestsController],
  providers: [ServiceRequestsService, ServiceRequestsRepository, ServiceRequestMapper, CommunityPeopleRepository],
  exports: [CommunityPeopleRepository],
})
export class ServiceRequestsModule {}
