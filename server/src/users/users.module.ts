import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { ContentCheckModule } from '../content-check/content-check.module.js';
import { ResidencyModule } from '../residency/residency.module.js';
import { MeController } from './me.controller.js';
import { MeService } from './me.service.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [ResidencyModule, CommunitiesModule, ContentCheckModule],
  controllers: [MeController],
  providers: [MeService, UsersRepository],
  exports: [MeService, UsersRepository],
})
export class UsersModule {}
