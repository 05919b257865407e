import type { AuditLogQuery } from '@linli/shared'

export interface AuditFilters {
  action: string
  from: string
  to: string
}

/** The filters as the API's query: empty fields left out. */
export function auditQuery(filters: AuditFilters): Partial<AuditLogQuery> {
  return {
    ...(filters.action.trim() && { action: filters.action.trim() }),
    ...(filters.from && { from: filters.from }),
    ...(filters.to && { to: filters.to }),
  }
}

/** The export's address: the same filters as the table. */
export function exportPath(filters: AuditFilters): string {
  const query = new URLSearchParams(auditQuery(filters) as Record<string, string>).toString()
  return `/audit-log/export${query ? `?${query}` : ''}`
}

/** Words for the actions staff see most; others show as recorded. */
export const actionLabels: Record<string, string> = {
  'invite.create': '发出邀请',
  'invite.bootstrap': '初始化邀请',
  'grant.accept_invite': '接受邀请',
  'grant.revoke': '撤销身份',
  'street.create': '创建街道',
  'residency.approve': '通过住户认证',
  'residency.reject': '不通过住户认证',
  'activity.export_signups': '导出报名名单',
  'poll.export_results': '导出投票结果',
  'poll.paper_ballot': '录入纸质选票',
  'managed_resident.create': '登记代办居民',
  'managed_resident.signup': '代办：代报名',
  'managed_resident.handover': '代办：生成接管码',
  'managed_resident.take_over': '代办账号被接手',
}
