import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { NearbyService } from './nearby.service.js';
import { ServicePointsController } from './service-points.controller.js';
import { ServicePointsRepository } from './service-points.repository.js';
import { ServicePointsService } from './service-points.service.js';

/** The 15-minute service circle (一刻钟服务圈): service points, community centres, and what is near a resident. */
@Module({
  imports: [AccessModule, AuditModule],
  controllers: [ServicePointsController],
  providers: [ServicePointsService, ServicePointsRepository, NearbyService],
})
export class ServicePointsModule {}
