import { z } from 'zod';

function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}

/** A role is always granted with a scope: street admin → street, committee → community, org roles → organisation. */
export const RoleSchema = enumOf(['street_admin', 'committee_staff', 'social_worker', 'org_staff', 'volunteer', 'team_leader']);
export type Role = z.infer<typeof RoleSchema>;
export const STAFF_ROLES: readonly Role[] = ['street_admin', 'committee_staff', 'social_worker', 'org_staff'];

/** Whether a role grant makes its holder staff (volunteers and team leaders are residents with extra duties). */
export function isStaffGrant(grant: { role: Role }): boolean {
  return STAFF_ROLES.includes(grant.role);
}

/** Whether any of these grants makes their holder staff: the one rule the guard, 我的 and desk logins share. */
export function isStaff(grants: readonly { role: Role }[]): boolean {
  return grants.some(isStaffGrant);
}

export const ScopeKindSchema = enumOf(['street', 'community', 'organisation', 'none']);
export type ScopeKind = z.infer<typeof ScopeKindSchema>;

export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  street_admin: 'street',
  committee_staff: 'community',
  social_worker: 'organisation',
  org_staff: 'organisation',
  volunteer: 'none',
  team_leader: 'organisation',
};

export const roleLabels: Record<Role, string> = {
  street_admin: '街道管理员',
  committee_staff: '居委会工作人员',
  social_worker: '社工',
  org_staff: '社会组织工作人员',
  volunteer: '志愿者',
  team_leader: '志愿服务队队长',
};

export const OrganisationTypeSchema = enumOf(['social_work', 'volunteer_team', 'social_org', 'resident_unit', 'other']);
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;
export const organisationTypeLabels: Record<OrganisationType, string> = {
  social_work: '社工机构',
  volunteer_team: '志愿服务队',
  social_org: '社区社会组织',
  resident_unit: '驻区单位',
  other: '其他',
};

export const ClaimStatusSchema = enumOf(['pending', 'approved', 'rejected']);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;
export const claimStatusLabels: Record<ClaimStatus, string> = {
  pending: '待审核',
  approved: '已认证',
  rejected: '未通过',
};

/** managed: registered by staff for a resident without a smartphone (代办). */
export const ResidencySourceSchema = enumOf(['claim', 'census', 'managed']);
export type ResidencySource = z.infer<typeof ResidencySourceSchema>;

export const DatabaseKindSchema = enumOf(['sqlite', 'mysql']);
export type DatabaseKind = z.infer<typeof DatabaseKindSchema>;

/** Seeded demo identities for the H5 demo, tests and benchmarks (dev login only). */
export const PersonaSchema = enumOf([
  'resident',
  'resident2',
  'volunteer',
  'social-worker',
  'org-staff',
  'committee',
  'street-admin',
  'newcomer',
]);
export type Persona = z.infer<typeof PersonaSchema>;

/** Roles an invite can hand out (volunteer is not granted by invite: residents become volunteers themselves). */
export const InvitableRoleSchema = enumOf(['street_admin', 'committee_staff', 'social_worker', 'org_staff', 'team_leader']);
export type InvitableRole = z.infer<typeof InvitableRoleSchema>;
