import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { AuditLogController } from './audit-log.controller.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditModule } from './audit.module.js';
import { AuditVerifier } from './audit-verify.js';

/** Reading and verifying the audit log (writing it is AuditModule's, which every feature imports). */
@Module({
  imports: [AuditModule, CommunitiesModule],
  controllers: [AuditLogController],
  providers: [AuditLogService, AuditVerifier],
  exports: [AuditVerifier],
})
export class AuditLogModule {}
