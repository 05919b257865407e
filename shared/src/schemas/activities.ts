import { z } from 'zod';
import { DATE_WINDOW_MESSAGE, DateTimeSchema, IdParamSchema, inDateWindow, IdSchema, PageQuerySchema, pageOf, text, withoutDefaults } from './common.js';
import { ImageUrlSchema } from './uploads.js';

export const ActivityCategorySchema = z.enum([
  'elderly_care',
  'youth',
  'culture_sports',
  'volunteering',
  'lecture',
  'consultation',
  'other',
]);
export type ActivityCategory = z.infer<typeof ActivityCategorySchema>;
export const activityCategoryLabels: Record<ActivityCategory, string> = {
  elderly_care: '助老敬老',
  youth: '儿童青少年',
  culture_sports: '文体活动',
  volunteering: '志愿服务',
  lecture: '学习讲座',
  consultation: '议事协商',
  other: '其他',
};

/** draft → published → (finished by time) or cancelled. */
export const ActivityStatusSchema = z.enum(['draft', 'published', 'cancelled']);
export type ActivityStatus = z.infer<typeof ActivityStatusSchema>;

/** What a resident's card shows: 报名中 / 已满 / 可候补 / 已结束, plus the states around them. */
export const SeatStateSchema = z.enum(['not_open', 'open', 'full', 'waitlist', 'closed', 'ended', 'cancelled']);
export type SeatState = z.infer<typeof SeatStateSchema>;
export const seatStateLabels: Record<SeatState, string> = {
  not_open: '未开始报名',
  open: '报名中',
  full: '已满',
  waitlist: '可候补',
  closed: '报名已截止',
  ended: '已结束',
  cancelled: '已取消',
};

export const SignupRoleSchema = z.enum(['participant', 'volunteer']);
export type SignupRole = z.infer<typeof SignupRoleSchema>;
export const signupRoleLabels: Record<SignupRole, string> = { participant: '参加', volunteer: '志愿者' };

export const SignupStatusSchema = z.enum([
  'confirmed',
  'waitlisted',
  'offered',
  'cancelled',
  'offer_expired',
  'attended',
  'no_show',
  /** The organiser cancelled the activity while this sign-up held or awaited a place. */
  'activity_cancelled',
]);
export type SignupStatus = z.infer<typeof SignupStatusSchema>;
export const signupStatusLabels: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  offered: '有空位，待确认',
  cancelled: '已取消',
  offer_expired: '空位已过期',
  attended: '已签到',
  no_show: '未到场',
  activity_cancelled: '活动已取消',
};

export const AudienceSchema = z
  .object({
    kind: z.enum(['anyone', 'community_residents', 'buildings']).describe(
      'anyone logged in / verified residents of the community / verified residents of the chosen buildings',
    ),
    buildings: z.array(text(32)).max(100).default([]),
    minAge: z.number().int().min(0).max(120).nullable().default(null),
    maxAge: z.number().int().min(0).max(120).nullable().default(null),
  })
  .refine((a) => a.kind !== 'buildings' || a.buildings.length > 0, { message: '请至少选择一栋楼', path: ['buildings'] })
  .refine((a) => a.minAge === null || a.maxAge === null || a.minAge <= a.maxAge, {
    message: '最小年龄不能大于最大年龄',
    path: ['maxAge'],
  });
export type Audience = z.infer<typeof AudienceSchema>;

export const SignupQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,16}$/),
    kind: z.enum(['text', 'single', 'multiple']),
    title: text(60),
    required: z.boolean().default(false),
    options: z.array(text(30)).max(10).default([]),
  })
  .refine((q) => q.kind === 'text' || q.options.length >= 2, { message: '选择题至少要有两个选项', path: ['options'] });
export type SignupQuestion = z.infer<typeof SignupQuestionSchema>;

/** questionId → a text answer, or the chosen option(s). */
export const SignupAnswersSchema = z.record(z.string(), z.union([z.string().max(500), z.array(z.string().max(30)).max(10)]));
export type SignupAnswers = z.infer<typeof SignupAnswersSchema>;

export const CompanionSchema = z.object({ name: text(20), relation: text(10).describe('e.g. 老伴, 孙子') });
export type Companion = z.infer<typeof CompanionSchema>;

const activityFields = {
  title: text(40),
  category: ActivityCategorySchema,
  /** An image from Linli's own storage (`POST /api/uploads`), or null. */
  coverUrl: ImageUrlSchema.nullable().default(null),
  description: z.string().trim().max(5000).default(''),
  place: text(100),
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  signupOpensAt: DateTimeSchema,
  signupClosesAt: DateTimeSchema,
  cancelDeadline: DateTimeSchema,
  seats: z.number().int().min(0).max(10_000),
  volunteerSlots: z.number().int().min(0).max(1_000).default(0),
  audience: AudienceSchema.default({ kind: 'anyone', buildings: [], minAge: null, maxAge: null }),
  questions: z.array(SignupQuestionSchema).max(10).default([]),
  companionsAllowed: z.number().int().min(0).max(5).default(0),
  waitlistEnabled: z.boolean().default(true),
  offerHoldMinutes: z.number().int().min(10).max(7 * 24 * 60).default(120),
  /** How long before the start the reminder goes out; left out, the server's REMINDER_HOURS. */
  reminderMinutes: z.number().int().min(10).max(7 * 24 * 60).optional(),
};

export const WEEK_MS = 7 * 24 * 3600_000;
export const ACTIVITY_TIME_FIELDS = ['startsAt', 'endsAt', 'signupOpensAt', 'signupClosesAt', 'cancelDeadline'] as const;

/** A weekly series' sessions are its first one's times moved by whole weeks: the last one must stay in the date window too. */
function lastSessionInWindow(a: Record<(typeof ACTIVITY_TIME_FIELDS)[number], string> & { repeatWeekly: number }): boolean {
  const by = (a.repeatWeekly - 1) * WEEK_MS;
  return ACTIVITY_TIME_FIELDS.every((f) => Number.isNaN(Date.parse(a[f])) || inDateWindow(Date.parse(a[f]) + by));
}

export const CreateActivitySchema = z.object({
  communityId: IdSchema,
  /** The organising organisation; null when the committee organises it. */
  organisationId: IdSchema.nullable().default(null),
  ...activityFields,
  /** A weekly class: this many sessions, one week apart, each with its own seats (1 = a single activity). */
  repeatWeekly: z.number().int().min(1).max(52).default(1),
}).refine((a) => lastSessionInWindow(a), {
  message: `每周重复到最后一次时超出了范围：${DATE_WINDOW_MESSAGE}，请减少次数或改早时间`,
  path: ['repeatWeekly'],
});
export type CreateActivity = z.infer<typeof CreateActivitySchema>;

export const SeriesScopeSchema = z.enum(['this', 'following']);
export type SeriesScope = z.infer<typeof SeriesScopeSchema>;

export const UpdateActivitySchema = z
  .object(withoutDefaults(activityFields))
  .partial()
  .extend({
    /**
     * For a session of a weekly series: 'following' makes the same changes to every later session that is not
     * cancelled or finished (times move by the same amount as this session's did). Ignored outside a series.
     */
    scope: SeriesScopeSchema.default('this'),
  });
export type UpdateActivity = z.infer<typeof UpdateActivitySchema>;

export const CancelActivitySchema = z.object({ reason: text(200) });

export const ActivitySummarySchema = z.object({
  id: IdSchema,
  communityId: IdSchema,
  communityName: z.string(),
  organiser: z.object({ kind: z.enum(['committee', 'organisation']), id: IdSchema, name: z.string() }),
  title: z.string(),
  category: ActivityCategorySchema,
  coverUrl: z.string().nullable(),
  place: z.string(),
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  signupOpensAt: DateTimeSchema,
  signupClosesAt: DateTimeSchema,
  status: ActivityStatusSchema,
  seats: z.number().int(),
  seatsTaken: z.number().int(),
  volunteerSlots: z.number().int(),
  volunteersTaken: z.number().int(),
  waitlistCount: z.number().int(),
  seatState: SeatStateSchema,
  seriesId: IdSchema.nullable(),
});
export type ActivitySummary = z.infer<typeof ActivitySummarySchema>;

export const SignupSchema = z.object({
  id: IdSchema,
  activityId: IdSchema,
  role: SignupRoleSchema,
  status: SignupStatusSchema,
  companions: z.array(CompanionSchema),
  answers: SignupAnswersSchema,
  /** The answers or companion names wait for a staff member's look (content check); the place is held meanwhile. */
  contentHeld: z.boolean().optional(),
  /** Seats this sign-up holds: the resident plus companions. */
  size: z.number().int().positive(),
  waitlistPosition: z.number().int().positive().nullable(),
  offerExpiresAt: DateTimeSchema.nullable(),
  /** Shown as a QR code; staff scan it to check the resident in. */
  checkinCode: z.string(),
  checkedInAt: DateTimeSchema.nullable(),
  checkedOutAt: DateTimeSchema.nullable(),
  hours: z.number().nonnegative().nullable(),
  createdAt: DateTimeSchema,
  /**
   * In the answer to a sign-up or an accepted offer: when the reminder will go out, as the server will send it;
   * null when none will (not confirmed, or the activity starts too soon for one).
   */
  reminderAt: DateTimeSchema.nullable().optional(),
});
export type Signup = z.infer<typeof SignupSchema>;

export const ActivityDetailSchema = ActivitySummarySchema.extend({
  description: z.string(),
  cancelDeadline: DateTimeSchema,
  audience: AudienceSchema,
  questions: z.array(SignupQuestionSchema),
  companionsAllowed: z.number().int(),
  waitlistEnabled: z.boolean(),
  offerHoldMinutes: z.number().int(),
  reminderMinutes: z.number().int(),
  cancelReason: z.string().nullable(),
  /** My active sign-ups (one per role at most). */
  mySignups: z.array(SignupSchema),
  /** Whether I may sign up, and if not why, in words a resident understands. */
  eligibility: z.object({ eligible: z.boolean(), reason: z.string().nullable() }),
  /** Only for staff who manage the activity: the token shown as the check-in QR code. */
  checkinToken: z.string().nullable(),
  canManage: z.boolean(),
});
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;

export const ActivityListQuerySchema = PageQuerySchema.extend({
  communityId: IdParamSchema.optional(),
  category: ActivityCategorySchema.optional(),
  range: z.enum(['upcoming', 'week', 'past', 'all']).default('upcoming'),
  /** Staff view: include my drafts and cancelled activities. */
  manage: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;
export const ActivityPageSchema = pageOf(ActivitySummarySchema);

export const CreateSignupSchema = z.object({
  role: SignupRoleSchema.default('participant'),
  companions: z.array(CompanionSchema).max(5).default([]),
  answers: SignupAnswersSchema.default({}),
});
export type CreateSignup = z.infer<typeof CreateSignupSchema>;

export const CancelSignupQuerySchema = z.object({ role: SignupRoleSchema.default('participant') });

export const MySignupSchema = SignupSchema.extend({ activity: ActivitySummarySchema });
export const MySignupListSchema = z.object({ items: z.array(MySignupSchema) });

export const CheckinRequestSchema = z.union([
  z.object({ token: z.string().min(1).max(64).describe("The activity's check-in token (a resident scanned the QR)") }).strict(),
  z.object({ signupCode: z.string().min(1).max(64).describe("A resident's sign-up QR (staff scanned it)") }).strict(),
]);
export const CheckinResultSchema = z.object({
  signup: SignupSchema,
  action: z.enum(['checked_in', 'checked_out']),
});

export const AttendeeSchema = SignupSchema.extend({
  user: z.object({ id: IdSchema, nickname: z.string(), noShowCount: z.number().int().nonnegative() }),
});
export const AttendeeListSchema = z.object({
  items: z.array(AttendeeSchema),
  fill: z.object({
    seats: z.number().int(),
    seatsTaken: z.number().int(),
    percent: z.number().int(),
    /** The highest of 50 / 80 / 100 reached, or null. */
    threshold: z.union([z.literal(50), z.literal(80), z.literal(100)]).nullable(),
  }),
});
export const ExportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const InboxKindSchema = z.enum([
  'signup_confirmed',
  'signup_waitlisted',
  'seat_offered',
  'offer_expired',
  'activity_changed',
  'activity_cancelled',
  'activity_reminder',
  'residency_decided',
  'poll_opened',
  'poll_published',
  'assisted',
  'service_request',
  'wish',
]);
export type InboxKind = z.infer<typeof InboxKindSchema>;
export const InboxItemSchema = z.object({
  id: IdSchema,
  kind: InboxKindSchema,
  title: z.string(),
  body: z.string(),
  activityId: IdSchema.nullable(),
  /** The consultation a poll notice is about (absent on older clients' fixtures). */
  pollId: IdSchema.nullable().optional(),
  createdAt: DateTimeSchema,
  readAt: DateTimeSchema.nullable(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;
export const InboxPageSchema = pageOf(InboxItemSchema).extend({
  /** All my unread items, not only this page's. */
  unreadCount: z.number().int().nonnegative(),
});
export const MarkInboxReadSchema = z.object({
  /** Items to mark read; left out, every item of mine is. Ids of items that are not mine are ignored. */
  ids: z.array(IdSchema).min(1).max(200).optional(),
});
export const InboxReadResultSchema = z.object({ unreadCount: z.number().int().nonnegative() });

export const ActivityIdParamsSchema = z.object({ id: IdParamSchema });
