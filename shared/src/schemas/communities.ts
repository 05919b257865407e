import { z } from 'zod';
import { OrganisationTypeSchema } from '../enums.js';
import { IdParamSchema, IdSchema, listOf, pageOf, text } from './common.js';

export const StreetSchema = z.object({ id: IdSchema, name: z.string() });
export type Street = z.infer<typeof StreetSchema>;

export const CommunitySchema = z.object({
  id: IdSchema,
  name: z.string(),
  address: z.string(),
  street: StreetSchema,
  householdCount: z.number().int().nonnegative(),
  archived: z.boolean().optional().describe('Archived communities are left out unless asked for (staff screens); always sent'),
});
export type Community = z.infer<typeof CommunitySchema>;
export const CommunityListSchema = listOf(CommunitySchema);

export const HouseholdSchema = z.object({
  id: IdSchema,
  communityId: IdSchema,
  building: z.string().describe('楼栋, e.g. "3栋"'),
  unit: z.string().describe('单元, e.g. "2单元"'),
  room: z.string().describe('房号, e.g. "501"'),
});
export type Household = z.infer<typeof HouseholdSchema>;

/**
 * The household picker goes level by level (楼栋 → 单元 → 房号) so that no answer carries a whole census: these
 * are the names on one level, the buildings of a community or the units of a building.
 */
export const HouseholdLevelSchema = listOf(z.string());
export const HouseholdUnitsQuerySchema = z.object({ building: text(32) });

/** Households, a page at a time: one unit's rooms fit on one page. */
export const HouseholdQuerySchema = z.object({
  building: text(32).optional(),
  unit: text(32).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(500),
});
export const HouseholdPageSchema = pageOf(HouseholdSchema);

/** A household with its community, as shown on claims and residencies: "幸福里社区 3栋 2单元 501". */
export const HouseholdRefSchema = HouseholdSchema.extend({
  communityName: z.string(),
});
export type HouseholdRef = z.infer<typeof HouseholdRefSchema>;

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: OrganisationTypeSchema,
  communityIds: z.array(IdSchema).describe('Communities the organisation is authorised to serve'),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
export const OrganisationListSchema = listOf(OrganisationSchema);

export const CensusImportParamsSchema = z.object({ id: IdParamSchema });
export const CensusImportRequestSchema = z.object({
  csv: z
    .string()
    .min(1)
    .max(2_000_000)
    .describe('CSV with a header row: 楼栋,单元,房号,姓名 (building, unit, room, name)'),
});
export const CensusImportResultSchema = z.object({
  dryRun: z.boolean().default(false).describe('true: what the import would do; nothing was written'),
  householdsCreated: z.number().int().nonnegative(),
  residentsImported: z.number().int().nonnegative(),
  claimsApproved: z.number().int().nonnegative(),
});
export type CensusImportResult = z.infer<typeof CensusImportResultSchema>;
