import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { ContentCheckModule } from '../content-check/content-check.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ResidencyModule } from '../residency/residency.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { UsersModule } from '../users/users.module.js';
import { ActivitiesController } from './activities.controller.js';
import { ActivitiesRepository } from './activities.repository.js';
import { ActivitiesService } from './activities.service.js';
import { ActivityListCache } from './activity-list-cache.js';
import { ActivitySweeper } from './activity-sweeper.js';
import { AttendeesService } from './attendees.service.js';
import { CheckinCodeService } from './checkin-code.service.js';
import { CheckinService } from './checkin.service.js';
import { SignupsController } from './signups.controller.js';
import { SignupsRepository } from './signups.repository.js';
import { SignupsService } from './signups.service.js';
import { WaitlistService } from './waitlist.service.js';

@Module({
  imports: [AccessModule, AuditModule, CommunitiesModule, ContentCheckModule, NotificationsModule, ResidencyModule, UploadsModule, UsersModule],
  controllers: [ActivitiesController, SignupsController],
  providers: [
    ActivityListCache,
    ActivitiesRepository,
    SignupsRepository,
    ActivitiesService,
    SignupsService,
    WaitlistService,
    CheckinService,
    CheckinCodeService,
    AttendeesService,
    ActivitySweeper,
  ],
  exports: [ActivitiesRepository, ActivityListCache, SignupsService, ActivitySweeper],
})
export class ActivitiesModule {}
