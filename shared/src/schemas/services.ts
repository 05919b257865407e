import { z } from 'zod';
import { IdParamSchema, IdSchema, PageQuerySchema, pageOf, text } from './common.js';
import { ImageUrlSchema } from './uploads.js';

/**
 * Delegated services (委托转移服务事项): contracts, their service items with targets and per-beneficiary visit
 * rules, the beneficiary register, service logs, progress, workers' tasks and evaluations.
 */

/** A China calendar day, YYYY-MM-DD, between 2000 and 2100. */
export const ServiceDaySchema = z.iso
  .date()
  .refine((d) => d >= '2000-01-01' && d < '2101-01-01', { message: '日期要在 2000 年到 2100 年之间，请检查年份' });

export const ServiceContractTypeSchema = z.enum(['purchase', 'delegation']);
export type ServiceContractType = z.infer<typeof ServiceContractTypeSchema>;
export const serviceContractTypeLabels: Record<ServiceContractType, string> = { purchase: '政府购买', delegation: '委托转移' };

export const ServiceTargetGroupSchema = z.enum([
  'elderly',
  'living_alone',
  'children_in_need',
  'migrant_children',
  'disabled',
  'women',
  'migrant_workers',
  'all_residents',
]);
export type ServiceTargetGroup = z.infer<typeof ServiceTargetGroupSchema>;
export const serviceTargetGroupLabels: Record<ServiceTargetGroup, string> = {
  elderly: '高龄老人',
  living_alone: '独居老人',
  children_in_need: '困境儿童',
  migrant_children: '流动儿童',
  disabled: '残疾人',
  women: '妇女',
  migrant_workers: '农民工',
  all_residents: '全体居民',
};

/** What a service item's target counts: 户次 and 场次 one per log, 人次 the people served, 小时 the minutes. */
export const ServiceUnitSchema = z.enum(['household_visits', 'person_times', 'sessions', 'hours']);
export type ServiceUnit = z.infer<typeof ServiceUnitSchema>;
export const serviceUnitLabels: Record<ServiceUnit, string> = {
  household_visits: '户次',
  person_times: '人次',
  sessions: '场次',
  hours: '小时',
};

export const ServiceFormSchema = z.enum(['visit', 'escort', 'casework', 'group', 'community_event', 'phone_care']);
export type ServiceForm = z.infer<typeof ServiceFormSchema>;
export const serviceFormLabels: Record<ServiceForm, string> = {
  visit: '探访',
  escort: '陪伴外出',
  casework: '个案',
  group: '小组',
  community_event: '社区活动',
  phone_care: '电话关怀',
};

/** Contract amounts are whole fen; 2,000,000,000 fen (2千万元) is far above any community contract. */
export const MAX_AMOUNT_FEN = 2_000_000_000;
export const MAX_TARGET_QUANTITY = 1_000_000;

// ---------- contracts ----------

const contractFields = {
  title: text(100),
  /** The buyer: a community (its committee buys), or null for the street itself. */
  communityId: IdSchema.nullable(),
  /** Required when the street buys and the caller runs several streets. */
  streetId: IdSchema.optional(),
  providerId: IdSchema.describe('The provider organisation from the registry (a 社工机构 or station)'),
  type: ServiceContractTypeSchema,
  periodStart: ServiceDaySchema,
  periodEnd: ServiceDaySchema,
  amountFen: z.number().int().min(0).max(MAX_AMOUNT_FEN).describe('Contract amount in fen (1元 = 100)'),
  evaluatorId: IdSchema.nullable().default(null).describe('Third-party evaluator organisation, optional'),
};

export const CreateServiceContractSchema = z.object(contractFields);
export type CreateServiceContract = z.infer<typeof CreateServiceContractSchema>;

export const UpdateServiceContractSchema = z.object({
  /** The version the editor read: an edit based on an older one is refused (SERVICE_EDIT_CONFLICT). */
  version: z.number().int().min(1),
  title: contractFields.title.optional(),
  type: ServiceContractTypeSchema.optional(),
  periodStart: ServiceDaySchema.optional(),
  periodEnd: ServiceDaySchema.optional(),
  amountFen: contractFields.amountFen.optional(),
  evaluatorId: IdSchema.nullable().optional(),
});
export type UpdateServiceContract = z.infer<typeof UpdateServiceContractSchema>;

export const ServiceContractSchema = z.object({
  id: IdSchema,
  title: z.string(),
  streetId: IdSchema,
  communityId: IdSchema.nullable(),
  buyerName: z.string().describe('The community, or the street'),
  provider: z.object({ id: IdSchema, name: z.string() }),
  evaluator: z.object({ id: IdSchema, name: z.string() }).nullable(),
  type: ServiceContractTypeSchema,
  periodStart: z.string(),
  periodEnd: z.string(),
  amountFen: z.number().int(),
  itemCount: z.number().int().nonnegative(),
  version: z.number().int(),
  /** What the caller may do with it. */
  canManage: z.boolean(),
  canEvaluate: z.boolean(),
});
export type ServiceContract = z.infer<typeof ServiceContractSchema>;

export const ServiceContractQuerySchema = PageQuerySchema.extend({
  communityId: IdParamSchema.optional(),
  /** active: the period includes today (China time); ended: it is over. */
  status: z.enum(['active', 'ended', 'upcoming']).optional(),
});
export type ServiceContractQuery = z.infer<typeof ServiceContractQuerySchema>;
export const ServiceContractPageSchema = pageOf(ServiceContractSchema);

// ---------- items ----------

export const ServiceTierSchema = z.object({
  tier: text(10).describe('e.g. 高风险, 重点, 一般'),
  everyDays: z.number().int().min(1).max(366).describe('A visit at least every this many days'),
});
export type ServiceTier = z.infer<typeof ServiceTierSchema>;

const TiersSchema = z
  .array(ServiceTierSchema)
  .max(10)
  .refine((tiers) => new Set(tiers.map((t) => t.tier)).size === tiers.length, { message: '分级的名称不能重复' });

const itemFields = {
  name: text(60),
  description: z.string().trim().max(1000).default(''),
  targetGroup: ServiceTargetGroupSchema,
  unit: ServiceUnitSchema,
  targetQuantity: z.number().int().min(1).max(MAX_TARGET_QUANTITY),
  tiers: TiersSchema.default([]),
  /** Users (staff of the provider) who carry the item out. */
  workerIds: z.array(IdSchema).max(50).default([]),
  /** Activities whose attended sign-ups count toward the item (activities of the item's community). */
  activityIds: z.array(IdSchema).max(200).default([]),
};

export const CreateServiceItemSchema = z.object({
  contractId: IdSchema,
  /** The community served: the contract's own for a community contract; required for a street contract. */
  communityId: IdSchema.optional(),
  ...itemFields,
});
export type CreateServiceItem = z.infer<typeof CreateServiceItemSchema>;

export const UpdateServiceItemSchema = z.object({
  version: z.number().int().min(1),
  name: itemFields.name.optional(),
  description: z.string().trim().max(1000).optional(),
  targetGroup: ServiceTargetGroupSchema.optional(),
  unit: ServiceUnitSchema.optional(),
  targetQuantity: itemFields.targetQuantity.optional(),
  tiers: TiersSchema.optional(),
  workerIds: z.array(IdSchema).max(50).optional(),
  activityIds: z.array(IdSchema).max(200).optional(),
});
export type UpdateServiceItem = z.infer<typeof UpdateServiceItemSchema>;

export const ServiceItemSchema = z.object({
  id: IdSchema,
  contractId: IdSchema,
  communityId: IdSchema,
  name: z.string(),
  description: z.string(),
  targetGroup: ServiceTargetGroupSchema,
  unit: ServiceUnitSchema,
  targetQuantity: z.number().int(),
  tiers: z.array(ServiceTierSchema),
  workers: z.array(z.object({ id: IdSchema, name: z.string() })),
  activityIds: z.array(IdSchema),
  version: z.number().int(),
  canManage: z.boolean(),
  /** The caller is one of its workers: may log services and read its register. */
  assigned: z.boolean(),
});
export type ServiceItem = z.infer<typeof ServiceItemSchema>;

export const ServiceItemQuerySchema = z.object({
  contractId: IdParamSchema.optional(),
  /** Only the items the caller is assigned to (a worker's 记录服务 picker). */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const ServiceItemListSchema = z.object({ items: z.array(ServiceItemSchema) });

export const ServiceWorkerListSchema = z.object({ items: z.array(z.object({ id: IdSchema, name: z.string() })) });

// ---------- beneficiaries ----------

const PhoneSchema = z.string().trim().regex(/^[0-9-]{5,20}$/, '电话号码只能包含数字和横线');

export const CreateBeneficiarySchema = z.object({
  name: text(32),
  householdId: IdSchema.nullable().default(null),
  tier: text(10).nullable().default(null),
  phone: PhoneSchema.nullable().default(null),
  notes: z.string().trim().max(500).default(''),
});
export type CreateBeneficiary = z.infer<typeof CreateBeneficiarySchema>;

export const UpdateBeneficiarySchema = z.object({
  name: text(32).optional(),
  householdId: IdSchema.nullable().optional(),
  tier: text(10).nullable().optional(),
  phone: PhoneSchema.nullable().optional(),
  notes: z.string().trim().max(500).optional(),
});
export type UpdateBeneficiary = z.infer<typeof UpdateBeneficiarySchema>;

export const BeneficiaryParamsSchema = z.object({ id: IdParamSchema, beneficiaryId: IdParamSchema });

export const BeneficiarySchema = z.object({
  id: IdSchema,
  itemId: IdSchema,
  name: z.string(),
  household: z.object({ id: IdSchema, label: z.string() }).nullable(),
  tier: z.string().nullable(),
  /** Always masked (138****5678). */
  phone: z.string().nullable(),
  notes: z.string(),
  lastServedOn: z.string().nullable(),
  /** When the tier's rule wants the next visit; null without a rule. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type Beneficiary = z.infer<typeof BeneficiarySchema>;
export const BeneficiaryListSchema = z.object({ items: z.array(BeneficiarySchema) });

// ---------- logs ----------

export const MAX_PHOTOS = 9;

export const CreateServiceLogSchema = z.object({
  itemId: IdSchema,
  beneficiaryId: IdSchema.nullable().default(null).describe('From the item\'s register; null for group work'),
  servedOn: ServiceDaySchema,
  minutes: z.number().int().min(1).max(24 * 60),
  form: ServiceFormSchema,
  peopleServed: z.number().int().min(1).max(10_000).default(1),
  note: z.string().trim().max(500).default(''),
  /** Our own uploads only (POST /api/uploads). */
  photos: z.array(ImageUrlSchema).max(MAX_PHOTOS).default([]),
});
export type CreateServiceLog = z.infer<typeof CreateServiceLogSchema>;

export const VoidServiceLogSchema = z.object({ reason: text(200) });

export const ServiceLogSchema = z.object({
  id: IdSchema,
  itemId: IdSchema,
  beneficiary: z.object({ id: IdSchema, name: z.string() }).nullable(),
  worker: z.object({ id: IdSchema, name: z.string() }),
  servedOn: z.string(),
  minutes: z.number().int(),
  form: ServiceFormSchema,
  peopleServed: z.number().int(),
  /** What it adds to the item's count in its unit (negative on a void entry). */
  quantity: z.number().int(),
  note: z.string(),
  photos: z.array(z.string()),
  /** Set on a void entry: the log it cancels. */
  voidsLogId: IdSchema.nullable(),
  /** Set on a log that a later entry cancelled. */
  voided: z.boolean(),
  createdAt: z.string(),
});
export type ServiceLog = z.infer<typeof ServiceLogSchema>;

export const ServiceLogQuerySchema = PageQuerySchema.extend({
  itemId: IdParamSchema,
  beneficiaryId: IdParamSchema.optional(),
  from: ServiceDaySchema.optional(),
  to: ServiceDaySchema.optional(),
});
export type ServiceLogQuery = z.infer<typeof ServiceLogQuerySchema>;
export const ServiceLogPageSchema = pageOf(ServiceLogSchema);

// ---------- progress ----------

/** Evaluators' bands: ≥ 100 % → 3, 80–99 % → 2, 60–79 % → 1, < 60 % → 0. */
export const ServiceBandSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type ServiceBand = z.infer<typeof ServiceBandSchema>;
export const serviceBandLabels: Record<ServiceBand, string> = { 3: '达标', 2: '基本达标', 1: '进度偏慢', 0: '严重滞后' };

export function serviceBand(ratio: number): ServiceBand {
  if (ratio >= 1) return 3;
  if (ratio >= 0.8) return 2;
  if (ratio >= 0.6) return 1;
  return 0;
}

export const ServiceItemProgressSchema = z.object({
  itemId: IdSchema,
  contractId: IdSchema,
  communityId: IdSchema,
  name: z.string(),
  unit: ServiceUnitSchema,
  targetQuantity: z.number().int(),
  /** Counted in the unit (hours with one decimal): logs minus voids, plus attended sign-ups of linked activities. */
  done: z.number(),
  fromLogs: z.number(),
  fromActivities: z.number(),
  /** done ÷ target. */
  doneRatio: z.number(),
  /** Share of the contract period elapsed today (0…1). */
  elapsedShare: z.number().min(0).max(1),
  /** target × elapsed share: where the item should be by now. */
  expectedByNow: z.number(),
  /** done ÷ expected by now (null before the period starts). */
  paceRatio: z.number().nullable(),
  /** Band of done against the target. */
  targetBand: ServiceBandSchema,
  /** Band of done against the share of the period elapsed (what a mid-term evaluation scores). */
  paceBand: ServiceBandSchema,
  beneficiaries: z.number().int(),
  overdueByTier: z.array(z.object({ tier: z.string(), everyDays: z.number().int(), beneficiaries: z.number().int(), overdue: z.number().int() })),
  monthly: z.array(z.object({ month: z.string(), done: z.number(), logs: z.number().int(), minutes: z.number().int() })),
});
export type ServiceItemProgress = z.infer<typeof ServiceItemProgressSchema>;

export const ServiceContractProgressSchema = z.object({
  contractId: IdSchema,
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  elapsedShare: z.number(),
  items: z.array(ServiceItemProgressSchema.omit({ monthly: true, overdueByTier: true }).extend({ overdue: z.number().int() })),
});
export type ServiceContractProgress = z.infer<typeof ServiceContractProgressSchema>;

export const StreetServiceSummaryQuerySchema = z.object({ streetId: IdParamSchema.optional() });
export const StreetServiceSummarySchema = z.object({
  streetId: IdSchema,
  /** Contracts whose period includes today. */
  contracts: z.number().int(),
  items: z.number().int(),
  /** How many items sit in each pace band. */
  bands: z.object({ 0: z.number().int(), 1: z.number().int(), 2: z.number().int(), 3: z.number().int() }),
  overdue: z.number().int(),
  communities: z.array(
    z.object({
      communityId: IdSchema,
      name: z.string(),
      items: z.number().int(),
      bands: z.object({ 0: z.number().int(), 1: z.number().int(), 2: z.number().int(), 3: z.number().int() }),
      overdue: z.number().int(),
      logsThisMonth: z.number().int(),
    }),
  ),
});
export type StreetServiceSummary = z.infer<typeof StreetServiceSummarySchema>;

// ---------- tasks ----------

export const ServiceTasksQuerySchema = z.object({
  /** Also list who falls due within this many days. */
  withinDays: z.coerce.number().int().min(0).max(90).default(7),
});
export const ServiceTaskSchema = z.object({
  beneficiaryId: IdSchema,
  name: z.string(),
  household: z.string().nullable(),
  tier: z.string(),
  item: z.object({ id: IdSchema, name: z.string() }),
  lastServedOn: z.string().nullable(),
  dueOn: z.string(),
  /** Negative: overdue by that many days. */
  daysLeft: z.number().int(),
});
export type ServiceTask = z.infer<typeof ServiceTaskSchema>;
export const ServiceTaskListSchema = z.object({ items: z.array(ServiceTaskSchema) });

// ---------- export and evaluations ----------

export const ServiceExportQuerySchema = z.object({ format: z.enum(['xlsx']).default('xlsx') });

export const ServiceEvaluationStageSchema = z.enum(['mid_term', 'final']);
export type ServiceEvaluationStage = z.infer<typeof ServiceEvaluationStageSchema>;
export const serviceEvaluationStageLabels: Record<ServiceEvaluationStage, string> = { mid_term: '中期评估', final: '末期评估' };

export const CreateServiceEvaluationSchema = z.object({
  stage: ServiceEvaluationStageSchema,
  /** Scores by dimension, e.g. {dimension: '服务成效', score: 18, max: 20}. */
  scores: z
    .array(z.object({ dimension: text(30), score: z.number().min(0).max(1000), max: z.number().positive().max(1000) }))
    .min(1)
    .max(20)
    .refine((s) => s.every((d) => d.score <= d.max), { message: '得分不能高于该项满分' }),
  /** Beneficiaries' satisfaction, 0–100 %. */
  satisfaction: z.number().int().min(0).max(100),
  comments: z.string().trim().max(2000).default(''),
});
export type CreateServiceEvaluation = z.infer<typeof CreateServiceEvaluationSchema>;

export const ServiceEvaluationSchema = z.object({
  id: IdSchema,
  contractId: IdSchema,
  stage: ServiceEvaluationStageSchema,
  scores: z.array(z.object({ dimension: z.string(), score: z.number(), max: z.number() })),
  total: z.number(),
  satisfaction: z.number(),
  comments: z.string(),
  evaluator: z.object({ id: IdSchema, name: z.string() }),
  createdAt: z.string(),
});
export type ServiceEvaluation = z.infer<typeof ServiceEvaluationSchema>;
export const ServiceEvaluationListSchema = z.object({ items: z.array(ServiceEvaluationSchema) });
