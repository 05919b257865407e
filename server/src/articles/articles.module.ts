import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { ResidencyModule } from '../residency/residency.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { ArticleReadCache } from './article-read-cache.js';
import { ArticlesController } from './articles.controller.js';
import { ArticlesRepository } from './articles.repository.js';
import { ArticlesService } from './articles.service.js';
import { ReadCounter } from './read-counter.js';

@Module({
  imports: [AccessModule, ActivitiesModule, AuditModule, CommunitiesModule, ResidencyModule, UploadsModule],
  controllers: [ArticlesController],
  providers: [ArticleReadCache, ArticlesRepository, ArticlesService, ReadCounter],
})
export class ArticlesModule {}
