import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContentCheckModule } from '../content-check/content-check.module.js';
import { PollsModule } from '../polls/polls.module.js';
import { HeldContentRepository } from './held-content.repository.js';
import { ModerationController } from './moderation.controller.js';
import { ModerationService } from './moderation.service.js';

@Module({
  imports: [AccessModule, AuditModule, ContentCheckModule, PollsModule],
  controllers: [ModerationController],
  providers: [HeldContentRepository, ModerationService],
})
export class ModerationModule {}
