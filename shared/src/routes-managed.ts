import { SignupSchema } from './schemas/activities.js';
import { IdParamsSchema } from './schemas/common.js';
import { AuthResponseSchema } from './schemas/identity.js';
import {
  CreateManagedResidentSchema,
  HandoverParamsSchema,
  HandoverSchema,
  ManagedResidentPageSchema,
  ManagedResidentQuerySchema,
  ManagedResidentSchema,
  ManagedSignupSchema,
} from './schemas/managed.js';
import type { RouteDef } from './routes.js';

/** 代办: residents without a smartphone, registered and helped by staff, who may later take their account over. Part of `routes`. */
export const managedRoutes = {
  createManagedResident: {
    method: 'POST',
    path: '/managed-residents',
    auth: 'staff',
    tag: 'managed',
    summary: "Registers a resident without a smartphone as a verified resident of a household in the caller's community",
    body: CreateManagedResidentSchema,
    response: ManagedResidentSchema,
  },
  listManagedResidents: {
    method: 'GET',
    path: '/managed-residents',
    auth: 'staff',
    tag: 'managed',
    summary: 'Managed residents of the communities the caller administers, newest first',
    query: ManagedResidentQuerySchema,
    response: ManagedResidentPageSchema,
  },
  managedSignUp: {
    method: 'POST',
    path: '/managed-residents/:id/signups',
    auth: 'staff',
    tag: 'managed',
    summary: "Signs a managed resident up for an activity: the resident's own sign-up, audit-logged with the staff member",
    params: IdParamsSchema,
    body: ManagedSignupSchema,
    response: SignupSchema,
  },
  createHandover: {
    method: 'POST',
    path: '/managed-residents/:id/handover',
    auth: 'staff',
    tag: 'managed',
    summary: 'A one-time code (valid 7 days) with which the resident or a family member takes the account over',
    params: IdParamsSchema,
    response: HandoverSchema,
  },
  acceptHandover: {
    method: 'POST',
    path: '/handovers/:code/accept',
    auth: 'user',
    tag: 'managed',
    summary: "Takes a managed account over: the caller's WeChat login moves onto it, and the answer is its session",
    params: HandoverParamsSchema,
    response: AuthResponseSchema,
  },
} as const satisfies Record<string, RouteDef>;
