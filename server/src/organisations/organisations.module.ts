import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';
import { OrganisationsController } from './organisations.controller.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { OrganisationsService } from './organisations.service.js';

/** The organisations registry of a street and community groups' 备案 applications. */
@Module({
  imports: [AccessModule, AuditModule, CommunitiesModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsService, OrganisationsRepository, ApplicationsService, ApplicationsRepository],
})
export class OrganisationsModule {}
