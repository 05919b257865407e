import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CommunityAdminController } from './community-admin.controller.js';
import { CommunityAdminRepository } from './community-admin.repository.js';
import { CommunityAdminService } from './community-admin.service.js';

/** Setting up a street's communities and households (apart from CommunitiesModule, which AccessModule needs). */
@Module({
  imports: [AccessModule, AuditModule],
  controllers: [CommunityAdminController],
  providers: [CommunityAdminService, CommunityAdminRepository],
})
export class CommunityAdminModule {}
