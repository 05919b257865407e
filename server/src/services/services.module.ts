import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { BeneficiariesRepository } from './beneficiaries.repository.js';
import { BeneficiariesService } from './beneficiaries.service.js';
import { ContractsController } from './contracts.controller.js';
import { ContractsRepository } from './contracts.repository.js';
import { ContractsService } from './contracts.service.js';
import { DueWeeksRepository } from './due-weeks.repository.js';
import { EvaluationsRepository } from './evaluations.repository.js';
import { EvaluationsService } from './evaluations.service.js';
import { ExportService } from './export.service.js';
import { ItemsController } from './items.controller.js';
import { ItemsRepository } from './items.repository.js';
import { ItemsService } from './items.service.js';
import { LogsController } from './logs.controller.js';
import { LogsRepository } from './logs.repository.js';
import { LogsService } from './logs.service.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressService } from './progress.service.js';
import { ServiceAccess } from './service-access.js';
import { ServiceLocks } from './service-locks.js';
import { TasksService } from './tasks.service.js';

/** Delegated services: the catalogue (contracts, items, registers), the daily work (logs, tasks) and progress. */
@Module({
  imports: [AccessModule, AuditModule, UploadsModule],
  controllers: [ContractsController, ItemsController, LogsController],
  providers: [
    ServiceAccess,
    ServiceLocks,
    ContractsRepository,
    ContractsService,
    ItemsRepository,
    ItemsService,
    BeneficiariesRepository,
    DueWeeksRepository,
    BeneficiariesService,
    LogsRepository,
    LogsService,
    ProgressRepository,
    ProgressService,
    TasksService,
    ExportService,
    EvaluationsRepository,
    EvaluationsService,
  ],
})
export class ServicesModule {}
