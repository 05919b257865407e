import { z } from 'zod';
import { ClaimStatusSchema, OrganisationTypeSchema } from '../enums.js';
import { DateTimeSchema, IdParamSchema, IdSchema, PageQuerySchema, pageOf, text } from './common.js';
import { CommunitySchema, HouseholdSchema } from './communities.js';

/** Setting up a street: communities, their households, the organisations registry and 备案 applications. */

/** A query flag: `?dryRun=true` (a URL carries text) or `true` from code. */
const queryFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const CreateCommunitySchema = z.object({
  name: text(64),
  address: z.string().trim().max(200).default(''),
  streetId: IdSchema.optional().describe('Street to create it in; defaults to the only street the admin runs'),
});
export type CreateCommunity = z.infer<typeof CreateCommunitySchema>;

export const UpdateCommunitySchema = z.object({
  name: text(64).optional(),
  address: z.string().trim().max(200).optional(),
  archived: z.boolean().optional().describe('Archived: gone from residents\' pickers and lists; history is kept'),
});
export type UpdateCommunity = z.infer<typeof UpdateCommunitySchema>;

export const CommunityListQuerySchema = z.object({
  includeArchived: queryFlag.optional().describe('Staff screens: also list archived communities'),
});

export const CreateHouseholdSchema = z.object({ building: text(32), unit: text(32), room: text(32) });
export type CreateHousehold = z.infer<typeof CreateHouseholdSchema>;
export { HouseholdSchema as CreatedHouseholdSchema };

export const DryRunQuerySchema = z.object({
  dryRun: queryFlag.default(false).describe('true: report what would change and write nothing'),
});

export const HouseholdImportRequestSchema = z
  .object({
    csv: z.string().min(1).max(2_000_000).optional().describe('CSV text: 楼栋,单元,房号 (header row optional)'),
    csvBase64: z
      .string()
      .min(1)
      .max(2_800_000)
      .optional()
      .describe('The file\'s bytes in base64, for a picked file: UTF-8 (BOM allowed) or GBK, as spreadsheets save it'),
  })
  .refine((b) => (b.csv === undefined) !== (b.csvBase64 === undefined), { message: '请提供一个表格文件（csv 或 csvBase64 二选一）' });
export type HouseholdImportRequest = z.infer<typeof HouseholdImportRequestSchema>;

export const HouseholdLineSchema = z.object({ line: z.number().int().positive(), building: z.string(), unit: z.string(), room: z.string() });
export const HouseholdImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int().nonnegative().describe('Households in the file (repeats counted once)'),
  created: z.number().int().nonnegative().describe('New households (would be created, on a dry run)'),
  unchanged: z.number().int().nonnegative().describe('Already registered: left as they are'),
  newHouseholds: z.array(HouseholdLineSchema).describe('The first 200 new households, with their line in the file'),
});
export type HouseholdImportResult = z.infer<typeof HouseholdImportResultSchema>;

export { CommunitySchema as CommunityAdminSchema };

// ---- Organisations registry ----

export const LegalStatusSchema = z.enum(['unregistered', 'filed', 'social_group', 'private_non_enterprise']);
export type LegalStatus = z.infer<typeof LegalStatusSchema>;
export const legalStatusLabels: Record<LegalStatus, string> = {
  unregistered: '未登记',
  filed: '备案',
  social_group: '社会团体',
  private_non_enterprise: '民办非企业',
};

export const IncubationStageSchema = z.enum(['applied', 'incubating', 'graduated', 'exited']);
export type IncubationStage = z.infer<typeof IncubationStageSchema>;
export const incubationStageLabels: Record<IncubationStage, string> = {
  applied: '申请',
  incubating: '孵化中',
  graduated: '出壳',
  exited: '退出',
};

/** A calendar day, YYYY-MM-DD. */
export const DaySchema = z.iso.date();
export const StageDatesSchema = z.object({
  applied: DaySchema.nullable(),
  incubating: DaySchema.nullable(),
  graduated: DaySchema.nullable(),
  exited: DaySchema.nullable(),
});
export type StageDates = z.infer<typeof StageDatesSchema>;

/** A phone number as staff type it: digits, +, - and spaces. */
export const PhoneTextSchema = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9+\- ]*$/, '联系电话只能填数字');

const organisationFields = {
  name: text(100),
  type: OrganisationTypeSchema,
  legalStatus: LegalStatusSchema.default('unregistered'),
  registrationNo: z.string().trim().max(64).default('').describe('统一社会信用代码 or 备案编号'),
  leader: z.string().trim().max(32).default(''),
  contactPhone: PhoneTextSchema.default(''),
  description: z.string().trim().max(500).default(''),
  communityIds: z.array(IdSchema).max(500).default([]).describe('Communities it is authorised to serve'),
  stage: IncubationStageSchema.default('applied'),
  stageDate: DaySchema.optional().describe('When the (new) stage began; today if left out'),
  mentorId: IdSchema.nullable().default(null).describe('The mentoring (incubating) organisation'),
};

export const CreateOrganisationSchema = z.object({
  ...organisationFields,
  streetId: IdSchema.optional().describe('Defaults to the only street the admin runs'),
});
export type CreateOrganisation = z.infer<typeof CreateOrganisationSchema>;

export const UpdateOrganisationSchema = z.object({
  name: text(100).optional(),
  type: OrganisationTypeSchema.optional(),
  legalStatus: LegalStatusSchema.optional(),
  registrationNo: z.string().trim().max(64).optional(),
  leader: z.string().trim().max(32).optional(),
  contactPhone: PhoneTextSchema.optional(),
  description: z.string().trim().max(500).optional(),
  communityIds: z.array(IdSchema).max(500).optional(),
  stage: IncubationStageSchema.optional(),
  stageDate: DaySchema.optional(),
  mentorId: IdSchema.nullable().optional(),
  suspended: z.boolean().optional().describe('Suspended: its staff lose their organisation powers until reinstated'),
});
export type UpdateOrganisation = z.infer<typeof UpdateOrganisationSchema>;

export const OrganisationDetailSchema = z.object({
  id: IdSchema,
  streetId: IdSchema,
  name: z.string(),
  type: OrganisationTypeSchema,
  legalStatus: LegalStatusSchema,
  registrationNo: z.string(),
  leader: z.string(),
  contactPhone: z.string().describe('Masked (138****5678) unless the caller manages the registry'),
  description: z.string(),
  communityIds: z.array(IdSchema),
  suspended: z.boolean(),
  suspendedAt: DateTimeSchema.nullable(),
  stage: IncubationStageSchema,
  stageDates: StageDatesSchema,
  mentor: z.object({ id: IdSchema, name: z.string() }).nullable(),
});
export type OrganisationDetail = z.infer<typeof OrganisationDetailSchema>;

export const OrganisationRegistryQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Part of the name'),
  type: OrganisationTypeSchema.optional(),
  legalStatus: LegalStatusSchema.optional(),
  stage: IncubationStageSchema.optional(),
  status: z.enum(['active', 'suspended']).optional(),
  communityId: IdParamSchema.optional(),
});
export type OrganisationRegistryQuery = z.infer<typeof OrganisationRegistryQuerySchema>;
export const OrganisationRegistryPageSchema = pageOf(OrganisationDetailSchema);

// ---- 备案 applications ----

export const CreateOrganisationApplicationSchema = z.object({
  communityId: IdSchema,
  name: text(100),
  leader: text(32),
  membersCount: z.number().int().min(1).max(100_000),
  activities: text(500).describe('What the group does'),
  venue: text(200).describe('Where it meets'),
});
export type CreateOrganisationApplication = z.infer<typeof CreateOrganisationApplicationSchema>;

export const OrganisationApplicationSchema = z.object({
  id: IdSchema,
  communityId: IdSchema,
  communityName: z.string(),
  name: z.string(),
  leader: z.string(),
  membersCount: z.number().int(),
  activities: z.string(),
  venue: z.string(),
  status: ClaimStatusSchema,
  reason: z.string().nullable().describe('Why it was rejected'),
  organisationId: IdSchema.nullable().describe('The organisation its approval created'),
  createdAt: DateTimeSchema,
  decidedAt: DateTimeSchema.nullable(),
});
export type OrganisationApplication = z.infer<typeof OrganisationApplicationSchema>;
export const OrganisationApplicationPageSchema = pageOf(OrganisationApplicationSchema);

export const OrganisationApplicationQuerySchema = PageQuerySchema.extend({
  status: ClaimStatusSchema.optional(),
  communityId: IdParamSchema.optional(),
});
export type OrganisationApplicationQuery = z.infer<typeof OrganisationApplicationQuerySchema>;

export const RejectOrganisationApplicationSchema = z.object({ reason: text(200).describe('Shown to the applicant') });
