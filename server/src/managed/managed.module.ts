import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ResidencyModule } from '../residency/residency.module.js';
import { UsersModule } from '../users/users.module.js';
import { ManagedController } from './managed.controller.js';
import { ManagedRepository } from './managed.repository.js';
import { ManagedService } from './managed.service.js';

/** 代办: managed residents, acts on their behalf, and handing their account over. */
@Module({
  imports: [AccessModule, ActivitiesModule, AuditModule, AuthModule, CommunitiesModule, NotificationsModule, ResidencyModule, UsersModule],
  controllers: [ManagedController],
  providers: [ManagedService, ManagedRepository],
})
export class ManagedModule {}
