import type { Role } from './enums.js';
import type { PageName } from './page-paths.js';

export type StaffToolKey =
  | 'activities'
  | 'polls'
  | 'articles'
  | 'claims'
  | 'managed'
  | 'organisations'
  | 'orgApplications'
  | 'people'
  | 'communities'
  | 'auditLog'
  | 'stats'
  | 'wechatSends'
  | 'moderation'
  | 'services'
  | 'servicePoints'
  | 'serviceRequests'
  | 'wishes';

export interface StaffTool {
  key: StaffToolKey;
  /** The short name in the 工作台 and the desk's side navigation. */
  label: string;
  /** One plain sentence under the name in the 工作台. */
  description: string;
  page: PageName;
  /** Who the server lets use it: holding any one of these grants is enough. */
  roles: readonly Role[];
}

const RESIDENT_ADMINS: readonly Role[] = ['street_admin', 'committee_staff'];
const ORGANISERS: readonly Role[] = ['street_admin', 'committee_staff', 'social_worker', 'org_staff'];

/**
 * Every staff tool, in the order the 工作台 and the side navigation show them. `roles` mirrors the server's checks
 * (AccessService and the services behind each page's routes), so no one is offered a tool that answers 403:
 * - 居民认证, 代办, 议事, 备案申请, 审计日志, 统计, 内容审核, 微信消息: the communities a person administers
 *   (committee staff of it, street admin of its street); for anyone else these lists are refused or always empty.
 * - 活动, 文章: organisers too (social workers and organisation staff, for the communities their organisation serves).
 * - 组织: the registry's readers — everyone working in the street; changing it is the street admin's (the page says so).
 * - 委托服务: the buyer's staff, the provider's social workers and staff (their contracts and items), the evaluator's staff.
 * - 服务点, 居民求助, 微心愿: the communities a person administers (they accept, assign and confirm).
 * - 人员: whoever may grant a role (a volunteer team leader for their team); 社区管理: the street admin builds
 *   communities, the committee imports its households.
 */
export const staffTools: readonly StaffTool[] = [
  { key: 'activities', label: '活动', description: '发起和管理活动，看报名名单、签到', page: 'activities', roles: ORGANISERS },
  { key: 'polls', label: '议事', description: '发起投票、录入纸质选票、结束后公示结果', page: 'consult', roles: RESIDENT_ADMINS },
  { key: 'articles', label: '文章', description: '写通知、活动预告和回顾，可以定时发布，也能撤回', page: 'staffArticles', roles: ORGANISERS },
  { key: 'claims', label: '居民认证', description: '居民提交的住户认证，在这里通过或不通过', page: 'staffClaims', roles: RESIDENT_ADMINS },
  {
    key: 'managed',
    label: '代办',
    description: '替没有智能手机的居民登记、报名活动，以后交给本人或家人接管',
    page: 'staffManaged',
    roles: RESIDENT_ADMINS,
  },
  { key: 'organisations', label: '组织', description: '社会组织名录：类型、登记、服务社区、孵化阶段', page: 'staffOrganisations', roles: ORGANISERS },
  {
    key: 'orgApplications',
    label: '备案申请',
    description: '社区里的兴趣小组、志愿队申请备案，在这里通过或不通过',
    page: 'staffOrgApplications',
    roles: RESIDENT_ADMINS,
  },
  {
    key: 'people',
    label: '人员',
    description: '邀请工作人员、查看谁有什么身份、撤销身份',
    page: 'staffPeople',
    roles: ['street_admin', 'committee_staff', 'team_leader'],
  },
  { key: 'communities', label: '社区管理', description: '建立、改名、归档社区；导入住户表格和居民名单', page: 'staffCommunities', roles: RESIDENT_ADMINS },
  { key: 'auditLog', label: '审计日志', description: '工作人员做过的每一项操作，可以查询和导出', page: 'staffAuditLog', roles: RESIDENT_ADMINS },
  { key: 'stats', label: '统计', description: '认证、报名和到场、志愿服务时长、议事和文章的数字，可以导出Excel', page: 'staffStats', roles: RESIDENT_ADMINS },
  { key: 'wechatSends', label: '微信消息', description: '哪些居民的微信提醒没能发出或没能确认、为什么', page: 'staffWechatSends', roles: RESIDENT_ADMINS },
  {
    key: 'moderation',
    label: '内容审核',
    description: '报名留言、议事意见和新昵称，需要人工看一下的在这里',
    page: 'staffModeration',
    roles: RESIDENT_ADMINS,
  },
  {
    key: 'services',
    label: '委托服务',
    description: '服务合同、服务项目和名册、记录服务、我的任务和服务进度',
    page: 'serviceContracts',
    roles: ORGANISERS,
  },
  {
    key: 'servicePoints',
    label: '服务点',
    description: '一刻钟服务圈：服务点的地址、开放时间和电话，社区的位置',
    page: 'staffServicePoints',
    roles: RESIDENT_ADMINS,
  },
  { key: 'serviceRequests', label: '居民求助', description: '受理、派单，超时没受理的会标出来', page: 'staffServiceRequests', roles: RESIDENT_ADMINS },
  { key: 'wishes', label: '微心愿', description: '走访后录入心愿，确认已送到', page: 'wishForm', roles: RESIDENT_ADMINS },
];

/** The tools these grants open, in display order; empty for residents and volunteers (they see no 工作台). */
export function staffToolsFor(grants: readonly { role: Role }[]): StaffTool[] {
  const held = new Set(grants.map((g) => g.role));
  return staffTools.filter((tool) => tool.roles.some((role) => held.has(role)));
}
