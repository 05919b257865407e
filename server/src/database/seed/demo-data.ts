import { personaProfiles, type OrganisationType, type Persona, type Role } from '@linli/shared';

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

export const DEMO_ORGANISATIONS: { name: string; type: OrganisationType; communities: number[] }[] = [
  { name: '启航社会工作服务中心', type: 'social_work', communities: [0, 1, 2] },
  { name: '和平街道巾帼志愿服务队', type: 'volunteer_team', communities: [0, 1, 2, 3, 4] },
  { name: '长青老年协会', type: 'social_org', communities: [3, 4] },
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
