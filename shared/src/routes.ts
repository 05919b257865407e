import { z } from 'zod';
import { IdParamsSchema, OkSchema } from './schemas/common.js';
import {
  CensusImportParamsSchema,
  CensusImportRequestSchema,
  CensusImportResultSchema,
  CommunityListSchema,
  HouseholdListSchema,
  HouseholdQuerySchema,
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
  MySignupListSchema,
  SignupSchema,
  UpdateActivitySchema,
} from './schemas/activities.js';
import { PageQuerySchema } from './schemas/common.js';
import { HealthSchema } from './schemas/health.js';
import { AuthResponseSchema, DevLoginRequestSchema, MeSchema, WechatLoginRequestSchema } from './schemas/identity.js';
import {
  CreateResidencyClaimSchema,
  RejectResidencyClaimSchema,
  ResidencyClaimPageSchema,
  ResidencyClaimQuerySchema,
  ResidencyClaimSchema,
} from './schemas/residency.js';

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
    summary: 'Service health and database kind',
    response: HealthSchema,
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
  communities: route({
    method: 'GET',
    path: '/communities',
    auth: 'public',
    tag: 'communities',
    summary: 'All communities, grouped by street',
    response: CommunityListSchema,
  }),
  households: route({
    method: 'GET',
    path: '/communities/:id/households',
    auth: 'user',
    tag: 'communities',
    summary: 'Households of a community (楼栋/单元/房号), optionally filtered',
    params: IdParamsSchema,
    query: HouseholdQuerySchema,
    response: HouseholdListSchema,
  }),
  importCensus: route({
    method: 'POST',
    path: '/communities/:id/census',
    auth: 'staff',
    tag: 'residency',
    summary: 'Import a census CSV of households and residents; pre-approves matching claims',
    params: CensusImportParamsSchema,
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
    summary: 'My notifications, newest first',
    query: PageQuerySchema,
    response: InboxPageSchema,
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
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
