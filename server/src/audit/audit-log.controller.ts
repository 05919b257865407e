import { Controller, Res } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { sendFile } from '../common/send-file.js';
import { AuditLogService } from './audit-log.service.js';

@Controller()
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Endpoint(routes.auditLog)
  page(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.auditLog>) {
    return this.auditLog.page(auth, query);
  }

  @Endpoint(routes.exportAuditLog)
  async export(
    @CurrentUser() auth: AuthContext,
    @Input() { query }: RouteInput<typeof routes.exportAuditLog>,
    @Res({ passthrough: false }) reply: FastifyReply,
  ) {
    const body = await this.auditLog.exportCsv(auth, query);
    await sendFile(reply, { filename: '审计日志.csv', contentType: 'text/csv; charset=utf-8', body }, 'audit-log.csv');
  }
}
