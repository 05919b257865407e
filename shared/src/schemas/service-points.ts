import { z } from 'zod';
import { IdParamSchema, IdSchema, PageQuerySchema, pageOf, text } from './common.js';
import { PhoneTextSchema } from './organisations.js';

/** The 15-minute service circle (一刻钟服务圈): service points near residents, with hours and a phone to call. */

export const ServicePointKindSchema = z.enum([
  'children_home',
  'social_work_station',
  'elderly_care_centre',
  'elderly_canteen',
  'culture_school',
  'migrant_worker_station',
  'anti_domestic_violence_station',
  'health_station',
  'other',
]);
export type ServicePointKind = z.infer<typeof ServicePointKindSchema>;
export const servicePointKindLabels: Record<ServicePointKind, string> = {
  children_home: '儿童之家',
  social_work_station: '社工站',
  elderly_care_centre: '居家养老服务中心',
  elderly_canteen: '老年食堂',
  culture_school: '公共文化学校',
  migrant_worker_station: '农民工维权站',
  anti_domestic_violence_station: '反家暴社会工作站',
  health_station: '卫生服务站',
  other: '其他',
};

/**
 * GCJ-02 (the coordinates WeChat's getLocation and Map use) is defined inside China only, so a point or a
 * position outside this box is a typing or picking mistake. The server checks it and answers COORDINATES_OUT_OF_RANGE.
 */
export const CHINA_BOUNDS = { minLat: 3.8, maxLat: 53.6, minLng: 73.4, maxLng: 135.1 } as const;
export function inChina(lat: number, lng: number): boolean {
  return lat >= CHINA_BOUNDS.minLat && lat <= CHINA_BOUNDS.maxLat && lng >= CHINA_BOUNDS.minLng && lng <= CHINA_BOUNDS.maxLng;
}

/** Degrees as a finite number; the range is the service's to judge (its own error code, not a field error). */
const degrees = z.number().finite();
const degreesParam = z.coerce.number().finite();

export const CoordinatesSchema = z.object({
  lat: degrees.describe('Latitude, GCJ-02'),
  lng: degrees.describe('Longitude, GCJ-02'),
});
export type Coordinates = z.infer<typeof CoordinatesSchema>;

/** A clock time of day, 00:00–24:00 (24:00: open until midnight). */
const timeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '时间要写成 08:30 这样的格式');

/** 1 = Monday … 7 = Sunday. */
export const WeekdaySchema = z.number().int().min(1).max(7);
export const weekdayLabels = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export const OpeningPeriodSchema = z.object({
  day: WeekdaySchema,
  open: timeOfDay,
  close: timeOfDay.describe('Later than open on the same day'),
});
export type OpeningPeriod = z.infer<typeof OpeningPeriodSchema>;

export const OpeningHoursSchema = z.object({
  periods: z
    .array(OpeningPeriodSchema)
    .max(28)
    .describe('Several per day for a lunch break; a day with none is closed (the service rejects overlaps)'),
  note: z.string().trim().max(100).default('').describe('e.g. 法定节假日休息'),
});
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

const pointFields = {
  name: text(100),
  kind: ServicePointKindSchema,
  organisationId: IdSchema.nullable().default(null).describe('The organisation that runs it, from the street registry'),
  address: text(200),
  lat: degrees,
  lng: degrees,
  hours: OpeningHoursSchema,
  services: z.array(text(20)).max(20).default([]).describe('Short names of what it offers: 助餐, 日间照料…'),
  phone: PhoneTextSchema.default(''),
  communityId: IdSchema.nullable().describe('The community it belongs to; null: a street-level point (street admins)'),
};

export const CreateServicePointSchema = z.object({
  ...pointFields,
  streetId: IdSchema.optional().describe('For a street-level point: defaults to the only street the admin runs'),
});
export type CreateServicePoint = z.infer<typeof CreateServicePointSchema>;

export const UpdateServicePointSchema = z.object({
  name: text(100).optional(),
  kind: ServicePointKindSchema.optional(),
  organisationId: IdSchema.nullable().optional(),
  address: text(200).optional(),
  lat: degrees.optional(),
  lng: degrees.optional(),
  hours: OpeningHoursSchema.optional(),
  services: z.array(text(20)).max(20).optional(),
  phone: PhoneTextSchema.optional(),
});
export type UpdateServicePoint = z.infer<typeof UpdateServicePointSchema>;

export const ServicePointSchema = z.object({
  id: IdSchema,
  streetId: IdSchema,
  communityId: IdSchema.nullable(),
  communityName: z.string().nullable(),
  name: z.string(),
  kind: ServicePointKindSchema,
  organisation: z.object({ id: IdSchema, name: z.string() }).nullable(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  hours: OpeningHoursSchema,
  services: z.array(z.string()),
  phone: z.string(),
});
export type ServicePoint = z.infer<typeof ServicePointSchema>;

export const ServicePointQuerySchema = PageQuerySchema.extend({
  communityId: IdParamSchema.optional(),
  kind: ServicePointKindSchema.optional(),
  q: z.string().trim().max(100).optional().describe('Part of the name or address'),
});
export type ServicePointQuery = z.infer<typeof ServicePointQuerySchema>;
export const ServicePointPageSchema = pageOf(ServicePointSchema);

export const NEAR_DEFAULT_RADIUS_M = 3000;
export const NearQuerySchema = z
  .object({
    lat: degreesParam.optional(),
    lng: degreesParam.optional(),
    householdId: IdParamSchema.optional().describe('From this household (its community centre); the caller must live there'),
    radius: z.coerce.number().int().min(100).max(5000).default(NEAR_DEFAULT_RADIUS_M).describe('Metres, straight line; a 15-minute walk is about 1 km'),
    kind: ServicePointKindSchema.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: '经度和纬度要一起给', path: ['lat'] })
  .refine((q) => (q.lat === undefined) !== (q.householdId === undefined), {
    message: '请给出位置（lat 和 lng）或住户（householdId），二选一',
    path: ['householdId'],
  });
export type NearQuery = z.infer<typeof NearQuerySchema>;

export const NearbyServicePointSchema = ServicePointSchema.extend({
  distanceMeters: z.number().int().nonnegative().describe('Straight line'),
  walkingMeters: z.number().int().nonnegative().describe('Straight line × WALKING_DETOUR_FACTOR'),
  walkingMinutes: z.number().int().positive().describe('walkingMeters at WALKING_METERS_PER_MINUTE'),
  openNow: z.boolean().describe('In Asia/Shanghai time'),
  today: z.array(OpeningPeriodSchema.omit({ day: true })).describe("Today's opening periods (empty: closed today)"),
});
export type NearbyServicePoint = z.infer<typeof NearbyServicePointSchema>;

export const NearbyServicePointsSchema = z.object({
  origin: CoordinatesSchema.extend({
    source: z.enum(['household', 'position']).describe('household: its community centre; position: the coordinates given'),
    communityName: z.string().nullable(),
  }),
  radiusMeters: z.number().int(),
  items: z.array(NearbyServicePointSchema),
});
export type NearbyServicePoints = z.infer<typeof NearbyServicePointsSchema>;

/** Walking estimates from straight-line distance: streets detour (urban detour index ≈ 1.2–1.4), elders walk slowly. */
export const WALKING_DETOUR_FACTOR = 1.3;
export const WALKING_METERS_PER_MINUTE = 70;

/** A community's centre: where "by household" measures from (households carry no coordinates of their own). */
export const CommunityCentreSchema = z.object({
  communityId: IdSchema,
  name: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export type CommunityCentre = z.infer<typeof CommunityCentreSchema>;
export const CommunityCentreListSchema = z.object({ items: z.array(CommunityCentreSchema) });
export const SetCommunityCentreSchema = CoordinatesSchema;
