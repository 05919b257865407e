import { personaProfiles, type IncubationStage, type LegalStatus, type OrganisationType, type Persona, type Role } from '@linli/shared';

/** A fictional street for the demo, tests and benchmarks. Every name and address here is made up. */
export const DEMO_STREET = '和平街道';

export const DEMO_COMMUNITIES = [
  { name: '幸福里社区', address: '和平路88号' },
  { name: '春晖园社区', address: '春晖路16号' },
  { name: '和睦家园社区', address: '和睦街203号' },
  { name: '长青里社区', address: '长青路7号' },
  { name: '阳光苑社区', address: '向阳大道520号' },
] as const;

/** Each community: 6 buildings × 2 units × 6 floors × 2 rooms = 144 households. */
export const DEMO_LAYOUT = { buildings: 6, units: 2, floors: 6, roomsPerFloor: 2 } as const;

export interface DemoOrganisation {
  name: string;
  type: OrganisationType;
  communities: number[];
  legalStatus: LegalStatus;
  registrationNo?: string;
  leader: string;
  contactPhone: string;
  description: string;
  /** Stage now, and [stage, day] for each stage reached. */
  stage: IncubationStage;
  stages: [IncubationStage, string][];
  /** Index of the mentoring organisation. */
  mentor?: number;
  suspended?: true;
}

/** The first three are referenced by index (personas' grants, demo activities): add new ones at the end. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: '启航社会工作服务中心', type: 'social_work', communities: [0, 1, 2], legalStatus: 'private_non_enterprise',
    registrationNo: '52110105MJ0000001X', leader: '王启航', contactPhone: '13800001001', description: '专业社工机构，承接街道委托的为老、青少年和社区营造服务。',
    stage: 'graduated', stages: [['applied', '2021-03-01'], ['incubating', '2021-04-15'], ['graduated', '2022-06-30']],
  },
  {
    name: '和平街道巾帼志愿服务队', type: 'volunteer_team', communities: [0, 1, 2, 3, 4], legalStatus: 'filed',
    registrationNo: 'HP-BA-2022-003', leader: '李秀英', contactPhone: '13800001002', description: '以社区女性为主的志愿服务队，开展助老、环境整治和节日关爱活动。',
    stage: 'graduated', stages: [['applied', '2022-01-10'], ['incubating', '2022-02-01'], ['graduated', '2023-01-20']], mentor: 0,
  },
  {
    name: '长青老年协会', type: 'social_org', communities: [3, 4], legalStatus: 'filed', registrationNo: 'HP-BA-2023-011',
    leader: '赵长青', contactPhone: '13800001003', description: '组织老年人文体活动、健康讲座和互助探访。',
    stage: 'incubating', stages: [['applied', '2023-05-08'], ['incubating', '2023-06-01']], mentor: 0,
  },
  {
    name: '同心社会工作服务社', type: 'social_work', communities: [3, 4], legalStatus: 'private_non_enterprise',
    registrationNo: '52110105MJ0000002Y', leader: '陈同心', contactPhone: '13800001004', description: '专注儿童托管、四点半课堂和家庭教育支持。',
    stage: 'graduated', stages: [['applied', '2020-09-01'], ['incubating', '2020-10-01'], ['graduated', '2021-12-01']],
  },
  {
    name: '春晖园青年志愿服务队', type: 'volunteer_team', communities: [1], legalStatus: 'unregistered', leader: '周青',
    contactPhone: '13800001005', description: '周末开展垃圾分类督导和数字助老（教老人用手机）。',
    stage: 'incubating', stages: [['applied', '2024-03-01'], ['incubating', '2024-03-20']], mentor: 1,
  },
  {
    name: '幸福里书画社', type: 'social_org', communities: [0], legalStatus: 'filed', registrationNo: 'HP-BA-2024-002',
    leader: '孙墨', contactPhone: '13800001006', description: '每周二、四在社区活动室练习书法国画，春节为居民写春联。',
    stage: 'applied', stages: [['applied', '2024-09-12']], mentor: 0,
  },
  {
    name: '和睦家园邻里互助会', type: 'social_org', communities: [2], legalStatus: 'unregistered', leader: '吴和睦',
    contactPhone: '13800001007', description: '邻里互助、代买代办，因负责人搬离暂停活动。',
    stage: 'exited', stages: [['applied', '2022-04-01'], ['incubating', '2022-05-01'], ['exited', '2023-08-31']], mentor: 3, suspended: true,
  },
  {
    name: '和平路社区卫生服务中心', type: 'resident_unit', communities: [0, 1], legalStatus: 'unregistered',
    leader: '郑医生', contactPhone: '010-66000001', description: '驻区医疗单位，每月一次义诊和慢病随访进社区。',
    stage: 'graduated', stages: [['graduated', '2019-01-01']],
  },
  {
    name: '向阳小学', type: 'resident_unit', communities: [4], legalStatus: 'unregistered', leader: '钱校长',
    contactPhone: '010-66000002', description: '驻区学校，寒暑假开放操场，组织学生参加社区志愿服务。',
    stage: 'graduated', stages: [['graduated', '2019-01-01']],
  },
  {
    name: '长青里业主委员会', type: 'other', communities: [3], legalStatus: 'filed', registrationNo: 'HP-YW-2021-007',
    leader: '冯主任', contactPhone: '13800001010', description: '小区业主自治组织，协调物业与居民事务。',
    stage: 'graduated', stages: [['graduated', '2021-07-01']],
  },
  {
    name: '阳光苑广场舞队', type: 'other', communities: [4], legalStatus: 'unregistered', leader: '何阿姨',
    contactPhone: '13800001011', description: '每晚在中心广场跳舞健身，愿意参与社区文艺演出。',
    stage: 'applied', stages: [['applied', '2025-03-03']], mentor: 2,
  },
];

/** 备案 applications from community groups: one approved (its organisation is created by the seed too), one pending. */
export const DEMO_APPLICATIONS = [
  {
    community: 0, name: '幸福里太极拳队', leader: '林师傅', membersCount: 24, activities: '每天早上七点在中心花园练习太极拳，免费教新人。',
    venue: '幸福里中心花园', status: 'approved' as const,
  },
  {
    community: 0, name: '幸福里编织小组', leader: '许阿姨', membersCount: 12, activities: '每周三下午一起编织，作品送给社区独居老人。',
    venue: '幸福里社区活动室', status: 'pending' as const,
  },
];

interface PersonaSeed {
  birthYear: number | null;
  /** [community index, building, unit, room] of a verified residency. */
  home?: [number, string, string, string];
  grants: { role: Role; community?: number; organisation?: number; street?: true }[];
}

export const DEMO_PERSONAS: Record<Persona, PersonaSeed> = {
  resident: { birthYear: 1948, home: [0, '1栋', '1单元', '101'], grants: [] },
  resident2: { birthYear: 1960, home: [0, '2栋', '1单元', '302'], grants: [] },
  volunteer: {
    birthYear: 1985,
    home: [0, '3栋', '2单元', '501'],
    grants: [{ role: 'volunteer' }],
  },
  'social-worker': { birthYear: 1992, grants: [{ role: 'social_worker', organisation: 0 }] },
  'org-staff': { birthYear: 1975, grants: [{ role: 'org_staff', organisation: 1 }] },
  committee: { birthYear: 1978, grants: [{ role: 'committee_staff', community: 0 }] },
  'street-admin': { birthYear: 1970, grants: [{ role: 'street_admin', street: true }] },
  newcomer: { birthYear: 1996, grants: [] },
};

export function personaNickname(persona: Persona): string {
  return personaProfiles[persona].name;
}

export function personaOpenid(persona: Persona): string {
  return `dev_persona_${persona}`;
}
