import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { ContentCheckModule } from '../content-check/content-check.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ResidencyModule } from '../residency/residency.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { BallotBoxRepository } from './ballot-box.repository.js';
import { BallotsController } from './ballots.controller.js';
import { ElectorateRepository } from './electorate.repository.js';
import { ParticipationRepository } from './participation.repository.js';
import { PollDefinitions } from './poll-definitions.js';
import { PollExportService } from './poll-export.service.js';
import { PollResultsCache } from './poll-results-cache.js';
import { PollResultsService } from './poll-results.service.js';
import { PollsController } from './polls.controller.js';
import { PollsRepository } from './polls.repository.js';
import { PollsService } from './polls.service.js';
import { VotingService } from './voting.service.js';
import { BallotWriter } from './ballot-writer.js';

@Module({
  imports: [AccessModule, AuditModule, CommunitiesModule, ContentCheckModule, NotificationsModule, ResidencyModule, UploadsModule],
  controllers: [PollsController, BallotsController],
  providers: [
    PollsRepository,
    ParticipationRepository,
    BallotBoxRepository,
    ElectorateRepository,
    PollDefinitions,
    PollResultsService,
    PollResultsCache,
    PollsService,
    VotingService,
    BallotWriter,
    PollExportService,
    // The articles' sanitiser for the background: same allowlist, same rule for images.
  ],
  exports: [BallotBoxRepository],
})
export class PollsModule {}
