import { z } from 'zod';
import { IdParamsSchema, OkSchema } from './schemas/common.js';
import {
  CensusImportParamsSchema,
  CensusImportRequestSchema,
  CensusImportResultSchema,
  CommunityListSchema,
  HouseholdLevelSchema,
  HouseholdPageSchema,
  HouseholdQuerySchema,
  HouseholdUnitsQuerySchema,
  OrganisationListSchema,
} from './schemas/communities.js';
import {
  ActivityDetailSchema,
  ActivityIdParamsSchema,
  ActivityListQuerySchema,
  ActivityPageSchema,
  AttendeeListSchema,
  CancelActivitySchema,
  CancelSignupQuerySchema,
  CheckinRequestSchema,
  CheckinResultSchema,
  CreateActivitySchema,
  CreateSignupSchema,
  ExportQuerySchema,
  InboxPageSchema,
  InboxReadResultSchema,
  MarkInboxReadSchema,
  MySignupListSchema,
  SignupSchema,
  UpdateActivitySchema,
} from './schemas/activities.js';
import { PageQuerySchema } from './schemas/common.js';
import {
  FailedWechatSendPageSchema,
  RecordSubscriptionsSchema,
  SubscribeTemplatesSchema,
  SubscriptionBalanceSchema,
} from './schemas/subscriptions.js';
import {
  ArticleDetailSchema,
  ArticleIdParamsSchema,
  ArticleListQuerySchema,
  ArticlePageSchema,
  CreateArticleSchema,
  FeedQuerySchema,
  FeedSchema,
  PublishArticleSchema,
  UpdateArticleSchema,
} from './schemas/articles.js';
import {
  BallotReceiptSchema,
  CastBallotSchema,
  CreatePollSchema,
  PaperBallotResultSchema,
  PaperBallotSchema,
  PollDetailSchema,
  PollExportQuerySchema,
  PollHouseholdVotersSchema,
  PollIdParamsSchema,
  PollListQuerySchema,
  PollOpinionPageSchema,
  PollPageSchema,
  PollResultsSchema,
  PollVotersQuerySchema,
  PublishPollSchema,
  ReceiptCheckSchema,
  ReceiptParamsSchema,
  UpdatePollSchema,
} from './schemas/polls.js';
import { HealthSchema, LivenessSchema } from './schemas/health.js';
import { HeldContentDecidedSchema, HeldContentDecisionSchema, HeldContentSchema } from './schemas/moderation.js';
import { AccountDeletedSchema, MyDataExportSchema } from './schemas/privacy.js';
import { BindPhoneRequestSchema, CheckinCodeSchema, MaskedPhoneSchema } from './schemas/platform.js';
import { AuthResponseSchema, DevLoginRequestSchema, MeSchema, UpdateMeSchema, WechatLoginRequestSchema } from './schemas/identity.js';
import {
  CreateResidencyClaimSchema,
  RejectResidencyClaimSchema,
  ResidencyClaimPageSchema,
  ResidencyClaimQuerySchema,
  ResidencyClaimSchema,
} from './schemas/residency.js';
import { imageUploadLimits, UploadSchema } from './schemas/uploads.js';
import { setupRoutes } from './routes-setup.js';
import { CommunityListQuerySchema, DryRunQuerySchema } from './schemas/organisations.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** public: anyone; user: any logged-in user; staff: a staff grant (scope is checked by the service). */
export type RouteAuth = 'public' | 'user' | 'staff';

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Path under /api, with `:name` params, e.g. `/residency-claims/:id/approve`. */
  path: string;
  auth: RouteAuth;
  summary: string;
  tag: string;
  status?: number;
  params?: P;
  query?: Q;
  body?: B;
  /** The request is multipart/form-data carrying one file in this field, instead of a JSON body. */
  file?: { field: string; maxBytes: number; types: readonly string[] };
  response: R;
}

function route<const D extends RouteDef>(def: D): D {
  return def;
}

/** The one route table: the server registers handlers and OpenAPI from it, the miniapp calls through it. */
export const routes = {
  health: route({
    method: 'GET',
    path: '/health',
    auth: 'public',
    tag: 'system',
    summary: 'Readiness: 200 when the database answers, else 503 DATABASE_UNAVAILABLE (load balancers route on this)',
    response: HealthSchema,
  }),
  healthLive: route({
    method: 'GET',
    path: '/health/live',
    auth: 'public',
    tag: 'system',
    summary: 'Liveness: the process is up (no database query); restart the instance only when this fails',
    response: LivenessSchema,
  }),
  wechatLogin: route({
    method: 'POST',
    path: '/auth/wechat',
    auth: 'public',
    tag: 'auth',
    summary: 'Log in with a wx.login code (the server calls code2Session)',
    body: WechatLoginRequestSchema,
    response: AuthResponseSchema,
  }),
  devLogin: route({
    method: 'POST',
    path: '/auth/dev',
    auth: 'public',
    tag: 'auth',
    summary: 'Demo/test login as a seeded persona or any new openid (off in production unless enabled)',
    body: DevLoginRequestSchema,
    response: AuthResponseSchema,
  }),
  me: route({
    method: 'GET',
    path: '/me',
    auth: 'user',
    tag: 'identity',
    summary: 'My profile, role grants with scopes, residencies and claims',
    response: MeSchema,
  }),
  updateMe: route({
    method: 'PATCH',
    path: '/me',
    auth: 'user',
    tag: 'identity',
    summary: 'Change my nickname; it passes the content check (risky: refused; to review: held for staff, the old one shows until then)',
    body: UpdateMeSchema,
    response: MeSchema,
  }),
  myDataExport: route({
    method: 'GET',
    path: '/me/data',
    auth: 'user',
    tag: 'privacy',
    summary: 'Everything Linli keeps about me, as one JSON document to download',
    response: MyDataExportSchema,
  }),
  deleteMyAccount: route({
    method: 'DELETE',
    path: '/me',
    auth: 'user',
    tag: 'privacy',
    summary: 'Delete my account: personal data removed or anonymised; sign-ups stay as anonymous counts, ballots stay counted and secret',
    response: AccountDeletedSchema,
  }),
  bindPhone: route({
    method: 'PUT',
    path: '/me/phone',
    auth: 'staff',
    tag: 'identity',
    summary: 'Bind my contact phone from a getPhoneNumber code (staff only: residents are never asked); answers it masked',
    body: BindPhoneRequestSchema,
    response: MaskedPhoneSchema,
  }),
  unbindPhone: route({
    method: 'DELETE',
    path: '/me/phone',
    auth: 'user',
    tag: 'identity',
    summary: 'Forget my phone number',
    response: MaskedPhoneSchema,
  }),
  communities: route({
    method: 'GET',
    path: '/communities',
    auth: 'public',
    tag: 'communities',
    summary: 'All communities, grouped by street',
    query: CommunityListQuerySchema,
    response: CommunityListSchema,
  }),
  households: route({
    method: 'GET',
    path: '/communities/:id/households',
    auth: 'user',
    tag: 'communities',
    summary: 'Households of a community (楼栋/单元/房号), a page at a time, optionally of one building or unit (the picker asks for one unit)',
    params: IdParamsSchema,
    query: HouseholdQuerySchema,
    response: HouseholdPageSchema,
  }),
  householdBuildings: route({
    method: 'GET',
    path: '/communities/:id/buildings',
    auth: 'user',
    tag: 'communities',
    summary: "The community's buildings (楼栋): the household picker's first level",
    params: IdParamsSchema,
    response: HouseholdLevelSchema,
  }),
  householdUnits: route({
    method: 'GET',
    path: '/communities/:id/units',
    auth: 'user',
    tag: 'communities',
    summary: "A building's units (单元): the household picker's second level",
    params: IdParamsSchema,
    query: HouseholdUnitsQuerySchema,
    response: HouseholdLevelSchema,
  }),
  heldContent: route({
    method: 'GET',
    path: '/communities/:id/held-content',
    auth: 'staff',
    tag: 'moderation',
    summary: "Sign-up answers, opinions and nicknames the content check held for a staff member's look, and how texts are checked",
    params: IdParamsSchema,
    response: HeldContentSchema,
  }),
  decideHeldContent: route({
    method: 'POST',
    path: '/held-content/decisions',
    auth: 'staff',
    tag: 'moderation',
    summary: 'Approve a held text (shown as written) or reject it (removed; the sign-up keeps its place, the ballot stays counted)',
    body: HeldContentDecisionSchema,
    response: HeldContentDecidedSchema,
  }),
  importCensus: route({
    method: 'POST',
    path: '/communities/:id/census',
    auth: 'staff',
    tag: 'residency',
    summary: 'Import a census CSV of households and residents; pre-approves matching claims',
    params: CensusImportParamsSchema,
    query: DryRunQuerySchema,
    body: CensusImportRequestSchema,
    response: CensusImportResultSchema,
  }),
  organisations: route({
    method: 'GET',
    path: '/organisations',
    auth: 'public',
    tag: 'communities',
    summary: 'Social organisations and the communities they serve',
    response: OrganisationListSchema,
  }),
  uploadImage: route({
    method: 'POST',
    path: '/uploads',
    auth: 'staff',
    tag: 'uploads',
    summary:
      'Upload one image (multipart/form-data, field `file`; JPEG, PNG or WebP up to 5 MB, checked by decoding it): ' +
      'stored without metadata as body, cover and thumb sizes',
    status: 201,
    file: imageUploadLimits,
    response: UploadSchema,
  }),
  createResidencyClaim: route({
    method: 'POST',
    path: '/residency-claims',
    auth: 'user',
    tag: 'residency',
    summary: 'Claim a household as my home',
    status: 201,
    body: CreateResidencyClaimSchema,
    response: ResidencyClaimSchema,
  }),
  listResidencyClaims: route({
    method: 'GET',
    path: '/residency-claims',
    auth: 'staff',
    tag: 'residency',
    summary: 'Residency claims in the communities I look after',
    query: ResidencyClaimQuerySchema,
    response: ResidencyClaimPageSchema,
  }),
  approveResidencyClaim: route({
    method: 'POST',
    path: '/residency-claims/:id/approve',
    auth: 'staff',
    tag: 'residency',
    summary: 'Approve a claim: the claimant becomes a verified resident',
    params: IdParamsSchema,
    response: ResidencyClaimSchema,
  }),
  rejectResidencyClaim: route({
    method: 'POST',
    path: '/residency-claims/:id/reject',
    auth: 'staff',
    tag: 'residency',
    summary: 'Reject a claim with a reason shown to the resident',
    params: IdParamsSchema,
    body: RejectResidencyClaimSchema,
    response: ResidencyClaimSchema,
  }),
  listActivities: route({
    method: 'GET',
    path: '/activities',
    auth: 'user',
    tag: 'activities',
    summary: 'Activities of my community (or a chosen one): upcoming, this week, past; by category',
    query: ActivityListQuerySchema,
    response: ActivityPageSchema,
  }),
  getActivity: route({
    method: 'GET',
    path: '/activities/:id',
    auth: 'user',
    tag: 'activities',
    summary: 'One activity with my sign-ups and whether I may sign up',
    params: ActivityIdParamsSchema,
    response: ActivityDetailSchema,
  }),
  createActivity: route({
    method: 'POST',
    path: '/activities',
    auth: 'staff',
    tag: 'activities',
    summary: 'Create a draft activity (or a weekly series of them)',
    status: 201,
    body: CreateActivitySchema,
    response: ActivityDetailSchema,
  }),
  updateActivity: route({
    method: 'PATCH',
    path: '/activities/:id',
    auth: 'staff',
    tag: 'activities',
    summary: 'Edit an activity; signed-up residents are told what changed',
    params: ActivityIdParamsSchema,
    body: UpdateActivitySchema,
    response: ActivityDetailSchema,
  }),
  publishActivity: route({
    method: 'POST',
    path: '/activities/:id/publish',
    auth: 'staff',
    tag: 'activities',
    summary: 'Publish a draft so residents can see it and sign up',
    params: ActivityIdParamsSchema,
    response: ActivityDetailSchema,
  }),
  cancelActivity: route({
    method: 'POST',
    path: '/activities/:id/cancel',
    auth: 'staff',
    tag: 'activities',
    summary: 'Cancel an activity; everyone signed up is told',
    params: ActivityIdParamsSchema,
    body: CancelActivitySchema,
    response: ActivityDetailSchema,
  }),
  signUp: route({
    method: 'POST',
    path: '/activities/:id/signups',
    auth: 'user',
    tag: 'signups',
    summary: 'Sign up (with companions); confirmed while seats remain, else waitlisted, else 名额已满',
    status: 201,
    params: ActivityIdParamsSchema,
    body: CreateSignupSchema,
    response: SignupSchema,
  }),
  cancelMySignup: route({
    method: 'DELETE',
    path: '/activities/:id/signups/me',
    auth: 'user',
    tag: 'signups',
    summary: 'Cancel my sign-up before the deadline; the freed seats are offered to the waitlist',
    params: ActivityIdParamsSchema,
    query: CancelSignupQuerySchema,
    response: SignupSchema,
  }),
  acceptOffer: route({
    method: 'POST',
    path: '/signups/:id/accept-offer',
    auth: 'user',
    tag: 'signups',
    summary: 'Take the seat offered to me from the waitlist',
    params: IdParamsSchema,
    response: SignupSchema,
  }),
  mySignups: route({
    method: 'GET',
    path: '/me/signups',
    auth: 'user',
    tag: 'signups',
    summary: 'Everything I signed up for, with check-in codes',
    response: MySignupListSchema,
  }),
  checkinCode: route({
    method: 'GET',
    path: '/activities/:id/checkin-code',
    auth: 'staff',
    tag: 'signups',
    summary: "The activity's check-in code: a WeChat mini-program code when WeChat is configured, else a plain QR with a notice saying why",
    params: ActivityIdParamsSchema,
    response: CheckinCodeSchema,
  }),
  checkIn: route({
    method: 'POST',
    path: '/activities/:id/checkins',
    auth: 'user',
    tag: 'signups',
    summary: "Check in by the activity's token (resident) or a resident's sign-up code (staff); volunteers check out the same way",
    status: 201,
    params: ActivityIdParamsSchema,
    body: CheckinRequestSchema,
    response: CheckinResultSchema,
  }),
  listSignups: route({
    method: 'GET',
    path: '/activities/:id/signups',
    auth: 'staff',
    tag: 'signups',
    summary: 'Attendee list with status, answers, companions and seat fill',
    params: ActivityIdParamsSchema,
    response: AttendeeListSchema,
  }),
  exportSignups: route({
    method: 'GET',
    path: '/activities/:id/signups/export',
    auth: 'staff',
    tag: 'signups',
    summary: 'Download the attendee list as CSV or Excel (audit-logged); the response is the file',
    params: ActivityIdParamsSchema,
    query: ExportQuerySchema,
    response: z.string().describe('The file (text/csv or .xlsx)'),
  }),
  myInbox: route({
    method: 'GET',
    path: '/me/inbox',
    auth: 'user',
    tag: 'notifications',
    summary: 'My notifications, newest first, with how many are unread',
    query: PageQuerySchema,
    response: InboxPageSchema,
  }),
  subscribeTemplates: route({
    method: 'GET',
    path: '/wechat/subscribe-templates',
    auth: 'public',
    tag: 'notifications',
    summary: 'WeChat subscribe-message templates the miniapp may ask for (none when WeChat messages are not set up)',
    response: SubscribeTemplatesSchema,
  }),
  recordSubscriptions: route({
    method: 'POST',
    path: '/me/subscriptions',
    auth: 'user',
    tag: 'notifications',
    summary: 'Record what wx.requestSubscribeMessage answered: each accept allows one WeChat message of that template',
    body: RecordSubscriptionsSchema,
    response: SubscriptionBalanceSchema,
  }),
  failedWechatSends: route({
    method: 'GET',
    path: '/staff/wechat-sends/failed',
    auth: 'staff',
    tag: 'notifications',
    summary:
      'WeChat messages that could not be delivered, or may have been without an answer (uncertain, not sent again), about activities and consultations of communities I manage',
    query: PageQuerySchema,
    response: FailedWechatSendPageSchema,
  }),
  markInboxRead: route({
    method: 'POST',
    path: '/me/inbox/read',
    auth: 'user',
    tag: 'notifications',
    summary: 'Mark my notifications read: the given ids, or all of them; ids that are not mine are ignored',
    body: MarkInboxReadSchema,
    response: InboxReadResultSchema,
  }),
  listPolls: route({
    method: 'GET',
    path: '/polls',
    auth: 'user',
    tag: 'polls',
    summary: 'Consultations of my community (or a chosen one): open and closed; staff: every poll they manage',
    query: PollListQuerySchema,
    response: PollPageSchema,
  }),
  getPoll: route({
    method: 'GET',
    path: '/polls/:id',
    auth: 'user',
    tag: 'polls',
    summary: 'One consultation with its questions, whether I may vote and whether I voted, and the published 公示',
    params: PollIdParamsSchema,
    response: PollDetailSchema,
  }),
  createPoll: route({
    method: 'POST',
    path: '/polls',
    auth: 'staff',
    tag: 'polls',
    summary: 'Create a draft consultation',
    status: 201,
    body: CreatePollSchema,
    response: PollDetailSchema,
  }),
  updatePoll: route({
    method: 'PATCH',
    path: '/polls/:id',
    auth: 'staff',
    tag: 'polls',
    summary: 'Edit a draft consultation (questions and rules are fixed once published)',
    params: PollIdParamsSchema,
    body: UpdatePollSchema,
    response: PollDetailSchema,
  }),
  openPoll: route({
    method: 'POST',
    path: '/polls/:id/open',
    auth: 'staff',
    tag: 'polls',
    summary: 'Publish a draft: voting runs from opensAt to closesAt; eligible residents get an inbox notice',
    params: PollIdParamsSchema,
    response: PollDetailSchema,
  }),
  closePoll: route({
    method: 'POST',
    path: '/polls/:id/close',
    auth: 'staff',
    tag: 'polls',
    summary: 'Close voting early',
    params: PollIdParamsSchema,
    response: PollDetailSchema,
  }),
  castBallot: route({
    method: 'POST',
    path: '/polls/:id/ballots',
    auth: 'user',
    tag: 'polls',
    summary: 'Vote once (per person or household); returns a receipt code, shown only this once',
    status: 201,
    params: PollIdParamsSchema,
    body: CastBallotSchema,
    response: BallotReceiptSchema,
  }),
  pollResults: route({
    method: 'GET',
    path: '/polls/:id/results',
    auth: 'user',
    tag: 'polls',
    summary: 'Turnout and per-option counts, as far as they are visible to me',
    params: PollIdParamsSchema,
    response: PollResultsSchema,
  }),
  enterPaperBallot: route({
    method: 'POST',
    path: '/polls/:id/paper-ballots',
    auth: 'staff',
    tag: 'polls',
    summary: 'Enter a paper ballot for an eligible person or household (audit-logged); never doubles an online vote',
    status: 201,
    params: PollIdParamsSchema,
    body: PaperBallotSchema,
    response: PaperBallotResultSchema,
  }),
  pollHouseholdVoters: route({
    method: 'GET',
    path: '/polls/:id/voters',
    auth: 'staff',
    tag: 'polls',
    summary: "For paper ballots: a household's verified residents and whether each (or the household) has voted",
    params: PollIdParamsSchema,
    query: PollVotersQuerySchema,
    response: PollHouseholdVotersSchema,
  }),
  publishPollResult: route({
    method: 'POST',
    path: '/polls/:id/publication',
    auth: 'staff',
    tag: 'polls',
    summary: 'After closing: publish the result notice (公示) with a statement; residents are told',
    status: 201,
    params: PollIdParamsSchema,
    body: PublishPollSchema,
    response: PollDetailSchema,
  }),
  checkReceipt: route({
    method: 'GET',
    path: '/polls/:id/receipts/:code',
    auth: 'user',
    tag: 'polls',
    summary: 'Whether the ballot with this receipt code is counted (never what it chose)',
    params: ReceiptParamsSchema,
    response: ReceiptCheckSchema,
  }),
  pollOpinions: route({
    method: 'GET',
    path: '/polls/:id/opinions',
    auth: 'staff',
    tag: 'polls',
    summary: 'After closing: the opinion box page by page, as the export lists it (no voter, no time; held ones only counted)',
    params: PollIdParamsSchema,
    query: PageQuerySchema,
    response: PollOpinionPageSchema,
  }),
  exportPollResults: route({
    method: 'GET',
    path: '/polls/:id/results/export',
    auth: 'staff',
    tag: 'polls',
    summary: 'After closing: download the results as CSV or Excel (audit-logged); the response is the file',
    params: PollIdParamsSchema,
    query: PollExportQuerySchema,
    response: z.string().describe('The file (text/csv or .xlsx)'),
  }),
  feed: route({
    method: 'GET',
    path: '/feed',
    auth: 'user',
    tag: 'articles',
    summary: '首页 of my community (or a chosen one): pinned notices, upcoming activities, open consultations, latest articles',
    query: FeedQuerySchema,
    response: FeedSchema,
  }),
  listArticles: route({
    method: 'GET',
    path: '/articles',
    auth: 'user',
    tag: 'articles',
    summary: 'Published articles of my community (or a chosen one), newest first; staff: every article they manage',
    query: ArticleListQuerySchema,
    response: ArticlePageSchema,
  }),
  getArticle: route({
    method: 'GET',
    path: '/articles/:id',
    auth: 'user',
    tag: 'articles',
    summary: 'One article with its sanitised body and linked activity; counts me as a reader once a day',
    params: ArticleIdParamsSchema,
    response: ArticleDetailSchema,
  }),
  createArticle: route({
    method: 'POST',
    path: '/articles',
    auth: 'staff',
    tag: 'articles',
    summary: 'Write a draft article; the body is sanitised to the allowed HTML',
    status: 201,
    body: CreateArticleSchema,
    response: ArticleDetailSchema,
  }),
  updateArticle: route({
    method: 'PATCH',
    path: '/articles/:id',
    auth: 'staff',
    tag: 'articles',
    summary: 'Edit an article; after it went live, readers see 更新于',
    params: ArticleIdParamsSchema,
    body: UpdateArticleSchema,
    response: ArticleDetailSchema,
  }),
  publishArticle: route({
    method: 'POST',
    path: '/articles/:id/publish',
    auth: 'staff',
    tag: 'articles',
    summary: 'Publish now, or at `publishAt` (scheduled); also re-publishes a withdrawn article',
    params: ArticleIdParamsSchema,
    body: PublishArticleSchema,
    response: ArticleDetailSchema,
  }),
  withdrawArticle: route({
    method: 'POST',
    path: '/articles/:id/withdraw',
    auth: 'staff',
    tag: 'articles',
    summary: 'Take a published or scheduled article down',
    params: ArticleIdParamsSchema,
    response: ArticleDetailSchema,
  }),
  ...setupRoutes,
} as const;

export type AnyRoute = RouteDef;

type OutOf<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : Record<string, never>;
/** What a handler receives after validation, coercion and defaults. */
export interface RouteInput<R extends AnyRoute> {
  params: OutOf<R, 'params'>;
  query: OutOf<R, 'query'>;
  body: OutOf<R, 'body'>;
}
/** What a caller sends (before defaults and coercion). */
export type RouteRequest<R extends AnyRoute> = (R extends { params: infer S extends z.ZodType }
  ? { params: z.input<S> }
  : { params?: never }) &
  (R extends { query: infer S extends z.ZodType } ? { query?: z.input<S> } : { query?: never }) &
  (R extends { body: infer S extends z.ZodType } ? { body: z.input<S> } : { body?: never });
export type RouteResponse<R extends AnyRoute> = z.output<R['response']>;

export { OkSchema };

/** Fills `:name` params into a route path: `/residency-claims/:id/approve` + {id: 7}. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path param "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
}
