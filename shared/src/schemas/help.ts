import { z } from 'zod';
import { DateTimeSchema, IdSchema, PageQuerySchema, pageOf, text } from './common.js';

/** Residents ask for help (居民点单 → 社区派单 → 接单) and 微心愿 (issue 13). */

export const ServiceCategorySchema = z.enum(['meals', 'cleaning', 'mobility', 'escort', 'shopping', 'repair', 'companionship', 'other']);
export type ServiceCategory = z.infer<typeof ServiceCategorySchema>;
export const serviceCategoryLabels: Record<ServiceCategory, string> = {
  meals: '助餐',
  cleaning: '助洁',
  mobility: '助行',
  escort: '陪诊',
  shopping: '代购',
  repair: '维修',
  companionship: '精神慰藉',
  other: '其他',
};

/**
 * submitted → accepted | declined; accepted → assigned → started → done → confirmed; cancelled by the requester
 * any time before the work starts.
 */
export const ServiceRequestStateSchema = z.enum(['submitted', 'accepted', 'declined', 'assigned', 'started', 'done', 'confirmed', 'cancelled']);
export type ServiceRequestState = z.infer<typeof ServiceRequestStateSchema>;
/** What each state means to the resident, in words (never colour alone). */
export const serviceRequestStateLabels: Record<ServiceRequestState, string> = {
  submitted: '已提交，等社区受理',
  accepted: '社区已受理，正在安排人',
  declined: '社区暂时办不了',
  assigned: '已安排人，等对方接单',
  started: '服务人员已接单',
  done: '已办好，请您确认',
  confirmed: '已完成',
  cancelled: '已取消',
};

export const CreateServiceRequestSchema = z.object({
  householdId: IdSchema.describe('The household the help is for: my own verified one, or (staff taking a call) any in their community'),
  category: ServiceCategorySchema,
  details: text(300).describe('What is needed, in the resident\'s words'),
  neededAt: DateTimeSchema.nullable().default(null).describe('When it is needed; null: as soon as possible'),
  contactName: z.string().trim().max(32).default('').describe('Who to ask for at the door (a family member asking for an elder)'),
  serviceItemId: IdSchema.nullable().default(null).describe('The delegated service item it counts toward, when known'),
});
export type CreateServiceRequest = z.infer<typeof CreateServiceRequestSchema>;

export const ServiceRequestViewSchema = z.enum(['mine', 'assigned', 'community']);
export type ServiceRequestView = z.infer<typeof ServiceRequestViewSchema>;
export const ServiceRequestQuerySchema = PageQuerySchema.extend({
  view: ServiceRequestViewSchema.default('mine').describe(
    'mine: what I asked for or my households; assigned: what I (or my organisations) were given; community: staff queue',
  ),
  communityId: z.coerce.number().int().positive().optional(),
  state: z.enum([...ServiceRequestStateSchema.options, 'open']).optional().describe('open: not yet done, declined or cancelled'),
  category: ServiceCategorySchema.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ServiceRequestQuery = z.infer<typeof ServiceRequestQuerySchema>;

export const AssigneeKindSchema = z.enum(['staff', 'volunteer', 'organisation']);
export type AssigneeKind = z.infer<typeof AssigneeKindSchema>;
export const assigneeKindLabels: Record<AssigneeKind, string> = { staff: '工作人员', volunteer: '志愿者', organisation: '服务组织' };

export const DeclineServiceRequestSchema = z.object({ reason: text(200) });
export const AssignServiceRequestSchema = z.object({
  kind: AssigneeKindSchema,
  id: IdSchema.describe('A user id (staff or volunteer) or an organisation id'),
});
export type AssignServiceRequest = z.infer<typeof AssignServiceRequestSchema>;
export const FinishServiceRequestSchema = z.object({ note: text(300).describe('What was done') });
export const ConfirmServiceRequestSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(300).default(''),
});

export const ServiceRequestSchema = z.object({
  id: IdSchema,
  communityId: IdSchema,
  communityName: z.string(),
  householdId: IdSchema,
  householdLabel: z.string().describe('1栋1单元101'),
  category: ServiceCategorySchema,
  details: z.string(),
  neededAt: DateTimeSchema.nullable(),
  contactName: z.string(),
  serviceItemId: IdSchema.nullable(),
  state: ServiceRequestStateSchema,
  requesterId: IdSchema,
  requesterName: z.string(),
  enteredByStaff: z.boolean().describe('Staff typed it in from a phone call'),
  declineReason: z.string().nullable(),
  assignee: z.object({ kind: AssigneeKindSchema, id: IdSchema, name: z.string() }).nullable(),
  doneNote: z.string().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  comment: z.string().nullable(),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  ageMinutes: z.number().int().nonnegative().describe('Since it was asked'),
  overdue: z.boolean().describe('Still waiting for the community past the response time'),
  /** What the caller may do with it now. */
  actions: z.array(z.enum(['accept', 'decline', 'assign', 'start', 'done', 'confirm', 'cancel'])),
});
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;
export type ServiceRequestAction = ServiceRequest['actions'][number];
export const ServiceRequestPageSchema = pageOf(ServiceRequestSchema).extend({
  responseHours: z.number().int().positive().describe('A request still submitted after this long is overdue'),
});
export type ServiceRequestPage = z.infer<typeof ServiceRequestPageSchema>;

// ---- 微心愿 ----

export const WishStateSchema = z.enum(['published', 'claimed', 'delivered', 'confirmed']);
export type WishState = z.infer<typeof WishStateSchema>;
export const wishStateLabels: Record<WishState, string> = {
  published: '等待认领',
  claimed: '已被认领',
  delivered: '已送达，等社区确认',
  confirmed: '心愿已实现',
};

export const CreateWishSchema = z.object({
  communityId: IdSchema,
  beneficiaryName: text(32).describe('Stored for staff; residents only ever see it masked (张*)'),
  householdId: IdSchema.nullable().default(null),
  title: text(60).describe('The wish: 一双棉鞋'),
  story: z.string().trim().max(300).default('').describe('Why, from the home visit, without identifying details'),
});
export type CreateWish = z.infer<typeof CreateWishSchema>;

export const WishClaimerKindSchema = z.enum(['resident', 'team', 'organisation']);
export type WishClaimerKind = z.infer<typeof WishClaimerKindSchema>;
export const ClaimWishSchema = z.object({
  organisationId: IdSchema.nullable().default(null).describe('Claim for my volunteer team or organisation; null: myself'),
});
export const DeliverWishSchema = z.object({ note: z.string().trim().max(200).default('') });

export const WishQuerySchema = PageQuerySchema.extend({
  view: z.enum(['community', 'mine', 'staff']).default('community').describe(
    'community: the wishes of my communities; mine: what I (or my organisations) claimed; staff: every wish I manage',
  ),
  communityId: z.coerce.number().int().positive().optional(),
  state: WishStateSchema.optional(),
});
export type WishQuery = z.infer<typeof WishQuerySchema>;

export const WishSchema = z.object({
  id: IdSchema,
  communityId: IdSchema,
  communityName: z.string(),
  beneficiary: z.string().describe('Masked (张*)'),
  beneficiaryName: z.string().nullable().describe('The full name, for the staff who manage the wish only'),
  title: z.string(),
  story: z.string(),
  state: WishStateSchema,
  claimer: z.object({ kind: WishClaimerKindSchema, name: z.string() }).nullable(),
  claimedByMe: z.boolean(),
  deliveryNote: z.string().nullable(),
  createdAt: DateTimeSchema,
  claimedAt: DateTimeSchema.nullable(),
  deliveredAt: DateTimeSchema.nullable(),
  confirmedAt: DateTimeSchema.nullable(),
  actions: z.array(z.enum(['claim', 'deliver', 'confirm'])),
});
export type Wish = z.infer<typeof WishSchema>;
export const WishPageSchema = pageOf(WishSchema);
export type WishPage = z.infer<typeof WishPageSchema>;
