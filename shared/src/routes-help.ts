import { IdParamsSchema } from './schemas/common.js';
import {
  AssignServiceRequestSchema,
  ClaimWishSchema,
  ConfirmServiceRequestSchema,
  CreateServiceRequestSchema,
  CreateWishSchema,
  DeclineServiceRequestSchema,
  DeliverWishSchema,
  FinishServiceRequestSchema,
  ServiceRequestPageSchema,
  ServiceRequestQuerySchema,
  ServiceRequestSchema,
  WishPageSchema,
  WishQuerySchema,
  WishSchema,
} from './schemas/help.js';
import type { RouteDef } from './routes.js';

/** A step of a service request: POST /service-requests/:id/<step>, answering the request as it now is. */
function requestStep<const S extends string, const D extends Partial<RouteDef>>(step: S, summary: string, extra: D) {
  return {
    method: 'POST',
    path: `/service-requests/:id/${step}`,
    auth: 'user',
    tag: 'help',
    summary,
    params: IdParamsSchema,
    response: ServiceRequestSchema,
    ...extra,
  } as const;
}

/** Residents ask for help and 微心愿 (issue 13). Part of `routes`. */
export const helpRoutes = {
  createServiceRequest: {
    method: 'POST',
    path: '/service-requests',
    auth: 'user',
    tag: 'help',
    summary: 'Ask for help for my verified household (or, staff taking a phone call, any household of my community)',
    status: 201,
    body: CreateServiceRequestSchema,
    response: ServiceRequestSchema,
  },
  listServiceRequests: {
    method: 'GET',
    path: '/service-requests',
    auth: 'user',
    tag: 'help',
    summary: 'My requests, the ones assigned to me, or (staff) the community queue with age and overdue flag',
    query: ServiceRequestQuerySchema,
    response: ServiceRequestPageSchema,
  },
  acceptServiceRequest: requestStep('accept', 'The committee takes a submitted request on', {}),
  declineServiceRequest: requestStep('decline', 'The committee declines a submitted request, with a reason the resident reads', {
    body: DeclineServiceRequestSchema,
  }),
  assignServiceRequest: requestStep('assign', 'Give an accepted request to a staff worker, a volunteer resident or an organisation of the community', {
    body: AssignServiceRequestSchema,
  }),
  startServiceRequest: requestStep('start', 'The assignee takes the job on', {}),
  finishServiceRequest: requestStep('done', 'The assignee marks it done with a note', { body: FinishServiceRequestSchema }),
  confirmServiceRequest: requestStep('confirm', 'The resident confirms it was done and rates it 1–5', { body: ConfirmServiceRequestSchema }),
  cancelServiceRequest: requestStep('cancel', 'The requester withdraws it before the work has started', {}),
  createWish: {
    method: 'POST',
    path: '/wishes',
    auth: 'staff',
    tag: 'help',
    summary: 'Enter and publish a 微心愿 after a home visit (the person is shown masked to residents)',
    status: 201,
    body: CreateWishSchema,
    response: WishSchema,
  },
  listWishes: {
    method: 'GET',
    path: '/wishes',
    auth: 'user',
    tag: 'help',
    summary: 'Wishes of my communities (masked), the ones I claimed, or (staff) all I manage',
    query: WishQuerySchema,
    response: WishPageSchema,
  },
  claimWish: {
    method: 'POST',
    path: '/wishes/:id/claim',
    auth: 'user',
    tag: 'help',
    summary: 'Claim a published wish, for myself or my volunteer team or organisation: one claimer per wish',
    params: IdParamsSchema,
    body: ClaimWishSchema,
    response: WishSchema,
  },
  deliverWish: {
    method: 'POST',
    path: '/wishes/:id/deliver',
    auth: 'user',
    tag: 'help',
    summary: 'The claimer says the gift was handed over',
    params: IdParamsSchema,
    body: DeliverWishSchema,
    response: WishSchema,
  },
  confirmWish: {
    method: 'POST',
    path: '/wishes/:id/confirm',
    auth: 'staff',
    tag: 'help',
    summary: 'Staff confirm with the person that the wish came true',
    params: IdParamsSchema,
    response: WishSchema,
  },
} as const satisfies Record<string, RouteDef>;
