import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdoptionController } from './adoption.controller.js';
import { AdoptionRepository } from './adoption.repository.js';
import { BootstrapService } from './bootstrap.service.js';
import { GrantsService } from './grants.service.js';
import { InvitesService } from './invites.service.js';

@Module({
  imports: [AuditModule, AuthModule, UsersModule],
  controllers: [AdoptionController],
  providers: [AdoptionRepository, InvitesService, GrantsService, BootstrapService],
  exports: [BootstrapService],
})
export class AdoptionModule {}
