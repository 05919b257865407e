import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { AccessService } from './access.service.js';

@Module({ imports: [CommunitiesModule], providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
