import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { ContentCheckModule } from '../content-check/content-check.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CensusRepository } from './census.repository.js';
import { ResidencyController } from './residency.controller.js';
import { ResidencyRepository } from './residency.repository.js';
import { ResidencyService } from './residency.service.js';
import { ResidentCommunities } from './resident-communities.js';

@Module({
  imports: [CommunitiesModule, AccessModule, ContentCheckModule, AuditModule, NotificationsModule],
  controllers: [ResidencyController],
  providers: [ResidencyService, ResidencyRepository, CensusRepository, ResidentCommunities],
  exports: [ResidencyRepository, ResidentCommunities],
})
export class ResidencyModule {}
