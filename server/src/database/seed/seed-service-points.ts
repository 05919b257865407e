import type { OpeningPeriod, ServicePointKind } from '@linli/shared';
import type { EntityManager } from 'typeorm';
import { Community } from '../../communities/community.entity.js';
import { latBand } from '../../service-points/geo.js';
import { ServicePoint } from '../../service-points/service-point.entity.js';

/** The demo communities' centres (GCJ-02), a made-up neighbourhood about a kilometre across. */
const CENTRES: [number, number][] = [
  [25.04, 102.71],
  [25.046, 102.718],
  [25.034, 102.719],
  [25.048, 102.703],
  [25.031, 102.704],
];

const days = (from: number, to: number, ...ranges: [string, string][]): OpeningPeriod[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ranges.map(([open, close]) => ({ day: from + i, open, close }))).flat();
const officeHours = days(1, 5, ['08:30', '12:00'], ['14:00', '17:30']);

interface DemoPoint {
  community: number | null;
  name: string;
  kind: ServicePointKind;
  /** Index into DEMO_ORGANISATIONS. */
  organisation?: number;
  address: string;
  /** Metres north and east of the community's centre (of 幸福里 for street-level points). */
  offset: [number, number];
  periods: OpeningPeriod[];
  note?: string;
  services: string[];
  phone: string;
}

const POINTS: DemoPoint[] = [
  { community: null, name: '和平街道社会工作服务站', kind: 'social_work_station', organisation: 0, address: '和平路90号二楼', offset: [60, 40], periods: officeHours, note: '法定节假日休息', services: ['个案辅导', '困难帮扶', '政策咨询'], phone: '0871-65550101' },
  { community: 0, name: '幸福里老年食堂', kind: 'elderly_canteen', organisation: 2, address: '和平路88号1栋底商', offset: [-120, 80], periods: days(1, 7, ['11:00', '13:00'], ['17:00', '18:30']), note: '80岁以上老人午餐减免', services: ['助餐', '送餐上门'], phone: '0871-65550102' },
  { community: 0, name: '幸福里儿童之家', kind: 'children_home', address: '和平路88号社区活动中心三楼', offset: [30, -150], periods: [...days(1, 5, ['16:00', '19:00']), ...days(6, 6, ['09:00', '17:00'])], note: '寒暑假全天开放', services: ['四点半课堂', '亲子阅读'], phone: '0871-65550103' },
  { community: 0, name: '幸福里卫生服务站', kind: 'health_station', organisation: 7, address: '和平路86号', offset: [200, 120], periods: days(1, 7, ['08:00', '20:00']), services: ['量血压', '慢病随访', '家庭医生签约'], phone: '0871-65550104' },
  { community: 1, name: '春晖园居家养老服务中心', kind: 'elderly_care_centre', organisation: 0, address: '春晖路16号', offset: [50, 60], periods: days(1, 6, ['08:30', '17:30']), services: ['日间照料', '助浴', '康复训练'], phone: '0871-65550201' },
  { community: 1, name: '春晖园公共文化学校', kind: 'culture_school', address: '春晖路18号文化活动室', offset: [-90, -40], periods: days(2, 7, ['09:00', '11:30'], ['14:30', '20:00']), note: '周一闭馆', services: ['书法', '合唱', '智能手机课'], phone: '0871-65550202' },
  { community: 2, name: '和睦家园农民工维权站', kind: 'migrant_worker_station', address: '和睦街203号一楼', offset: [70, -30], periods: days(1, 5, ['09:00', '17:00']), services: ['欠薪投诉', '劳动合同咨询'], phone: '0871-65550301' },
  { community: 2, name: '和睦家园反家暴社会工作站', kind: 'anti_domestic_violence_station', organisation: 0, address: '和睦街205号', offset: [-60, 90], periods: days(1, 5, ['08:30', '17:30']), note: '紧急情况请拨110', services: ['心理疏导', '法律援助转介'], phone: '0871-65550302' },
  { community: 3, name: '长青里老年食堂', kind: 'elderly_canteen', organisation: 2, address: '长青路7号', offset: [40, 40], periods: days(1, 7, ['11:00', '13:00']), services: ['助餐'], phone: '0871-65550401' },
  { community: 3, name: '长青里卫生服务站', kind: 'health_station', address: '长青路9号', offset: [-110, 60], periods: days(1, 7, ['08:00', '18:00']), services: ['量血压', '打疫苗'], phone: '0871-65550402' },
  { community: 4, name: '阳光苑儿童之家', kind: 'children_home', address: '向阳大道520号', offset: [20, -60], periods: [...days(1, 5, ['16:30', '19:30']), ...days(6, 7, ['09:00', '12:00'])], services: ['四点半课堂', '手工'], phone: '0871-65550501' },
  { community: 4, name: '阳光苑居家养老服务中心', kind: 'elderly_care_centre', organisation: 3, address: '向阳大道522号', offset: [-80, 100], periods: days(1, 7, ['08:00', '18:00']), note: '全年无休', services: ['日间照料', '助洁', '陪诊'], phone: '0871-65550502' },
];

const METERS_PER_DEGREE = 111_320;

/** The demo street's communities get centres, and service points around them (issue 13). */
export async function seedDemoServicePoints(
  em: EntityManager,
  ids: { streetId: number; communityIds: number[]; organisationIds: number[] },
): Promise<void> {
  for (const [i, [lat, lng]] of CENTRES.entries()) await em.update(Community, { id: ids.communityIds[i] }, { centreLat: lat, centreLng: lng });
  await em.insert(
    ServicePoint,
    POINTS.map((p) => {
      const [lat, lng] = CENTRES[p.community ?? 0];
      const [north, east] = p.offset;
      const pointLat = Number((lat + north / METERS_PER_DEGREE).toFixed(6));
      return {
        streetId: ids.streetId,
        communityId: p.community === null ? null : ids.communityIds[p.community],
        name: p.name,
        kind: p.kind,
        organisationId: p.organisation === undefined ? null : ids.organisationIds[p.organisation],
        address: p.address,
        lat: pointLat,
        latBand: latBand(pointLat),
        lng: Number((lng + east / (METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180))).toFixed(6)),
        hours: JSON.stringify({ periods: p.periods, note: p.note ?? '' }),
        services: JSON.stringify(p.services),
        phone: p.phone,
      };
    }),
  );
}
