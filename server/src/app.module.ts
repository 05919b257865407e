import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ActivitiesModule } from './activities/activities.module.js';
import { AdoptionModule } from './adoption/adoption.module.js';
import { ArticlesModule } from './articles/articles.module.js';
import { AuditLogModule } from './audit/audit-log.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ErrorFilter } from './common/error-filter.js';
import { Clock, ClockModule } from './clock/clock.js';
import { CommunitiesModule } from './communities/communities.module.js';
import { CommunityAdminModule } from './community-admin/community-admin.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { ModerationModule } from './moderation/moderation.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PhoneModule } from './phone/phone.module.js';
import { PollsModule } from './polls/polls.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { ResidencyModule } from './residency/residency.module.js';
import { StatsModule } from './stats/stats.module.js';
import { ServicesModule } from './services/services.module.js';
import { ServicePointsModule } from './service-points/service-points.module.js';
import { ManagedModule } from './managed/managed.module.js';
import { UploadsModule } from './uploads/uploads.module.js';
import { UsersModule } from './users/users.module.js';
import { WechatModule } from './wechat/wechat.module.js';
import { ServiceRequestsModule } from './service-requests/service-requests.module.js';
import { WishesModule } from './wishes/wishes.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule,
        WechatModule,
        HealthModule,
        AuthModule,
        RateLimitModule,
        UsersModule,
        CommunitiesModule,
        ResidencyModule,
        NotificationsModule,
        ActivitiesModule,
        PollsModule,
        UploadsModule,
        ArticlesModule,
        ModerationModule,
        PhoneModule,
        PrivacyModule,
        CommunityAdminModule,
        OrganisationsModule,
        AdoptionModule,
        AuditLogModule,
        StatsModule,
        ServicesModule,
        ServicePointsModule,
        ManagedModule,
        ServiceRequestsModule,
        WishesModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
