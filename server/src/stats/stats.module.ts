import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { StatsController } from './stats.controller.js';
import { StatsRepository } from './stats.repository.js';
import { StatsService } from './stats.service.js';

/** The statistics dashboard and volunteers' own hours (read-only aggregates over the other features' tables). */
@Module({ imports: [AccessModule], controllers: [StatsController], providers: [StatsService, StatsRepository] })
export class StatsModule {}
