import { Injectable } from '@nestjs/common';
import type { AuditLogEntry, AuditLogQuery, Page } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import { toSafeCsv } from '../common/csv-file.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';
import type { AuditLog } from './audit-log.entity.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

const EXPORT_LIMIT = 10_000;
const CHINA_OFFSET = '+08:00';

/** Reading the audit log: street admins their whole street, committee staff their community. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly communities: CommunitiesRepository,
  ) {}

  async page(auth: AuthContext, query: AuditLogQuery): Promise<Page<AuditLogEntry>> {
    const filter = await this.filter(auth, query);
    const [rows, total] = await this.audit.page(filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    return { items: rows.map(toEntry), total, page: query.page, pageSize: query.pageSize };
  }

  async exportCsv(auth: AuthContext, query: AuditLogQuery): Promise<Buffer> {
    const filter = await this.filter(auth, query);
    const [rows] = await this.audit.page(filter, { offset: 0, limit: EXPORT_LIMIT });
    const header = ['编号', '时间', '操作人编号', '操作人', '操作', '社区', '对象类型', '对象编号', '详情'];
    const lines = rows.map((r) => [
      r.id,
      r.createdAt.toISOString(),
      r.actorId ?? '',
      r.actorName ?? '',
      r.action,
      r.communityName ?? '',
      r.targetType,
      r.targetId ?? '',
      r.detail,
    ]);
    return toSafeCsv([header, ...lines]);
  }

  private async filter(auth: AuthContext, query: AuditLogQuery): Promise<AuditFilter> {
    const streetIds = auth.grants.filter((g) => g.role === 'street_admin' && g.streetId !== null).map((g) => g.streetId!);
    const communityIds = auth.grants.filter((g) => g.role === 'committee_staff' && g.communityId !== null).map((g) => g.communityId!);
    if (streetIds.length + communityIds.length === 0) throw new AppError('OUT_OF_SCOPE');
    if (query.communityId !== undefined && !communityIds.includes(query.communityId)) {
      const inStreets = await this.communities.communityIdsOfStreets(streetIds);
      if (!inStreets.includes(query.communityId)) throw new AppError('OUT_OF_SCOPE');
    }
    if (query.from && query.to && query.from > query.to) throw new AppError('AUDIT_RANGE_INVALID');
    return {
      streetIds,
      communityIds,
      actorId: query.actorId,
      action: query.action,
      targetType: query.targetType,
      targetId: query.targetId,
      communityId: query.communityId,
      from: query.from ? new Date(`${query.from}T00:00:00${CHINA_OFFSET}`) : undefined,
      to: query.to ? new Date(new Date(`${query.to}T00:00:00${CHINA_OFFSET}`).getTime() + 24 * 60 * 60 * 1000) : undefined,
    };
  }
}

function toEntry(row: AuditLog & { actorName: string | null; communityName: string | null }): AuditLogEntry {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    communityId: row.communityId,
    communityName: row.communityName,
    targetType: row.targetType,
    targetId: row.targetId,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}
