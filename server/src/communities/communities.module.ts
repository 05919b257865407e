import { Module } from '@nestjs/common';
import { CommunitiesController } from './communities.controller.js';
import { CommunitiesRepository } from './communities.repository.js';
import { CommunitiesService } from './communities.service.js';

@Module({
  controllers: [CommunitiesController],
  providers: [CommunitiesService, CommunitiesRepository],
  exports: [CommunitiesRepository],
})
export class CommunitiesModule {}
