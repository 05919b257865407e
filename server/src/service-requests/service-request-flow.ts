import type { ErrorCode, ServiceRequestAction, ServiceRequestState } from '@linli/shared';

/** The states each step may leave from, and where it goes. */
export const FLOW: Record<ServiceRequestAction, { from: ServiceRequestState[]; to: ServiceRequestState }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  decline: { from: ['submitted'], to: 'declined' },
  assign: { from: ['accepted'], to: 'assigned' },
  start: { from: ['assigned'], to: 'started' },
  done: { from: ['started'], to: 'done' },
  confirm: { from: ['done'], to: 'confirmed' },
  cancel: { from: ['submitted', 'accepted', 'assigned'], to: 'cancelled' },
};

/** How far along the main path a state is; declined and cancelled are ends off it. */
const ORDER: Partial<Record<ServiceRequestState, number>> = { submitted: 0, accepted: 1, assigned: 2, started: 3, done: 4, confirmed: 5 };

/**
 * Why `step` cannot happen in state `current`: a step asked for too early skips a state; one asked for too late
 * (someone else moved the request first, or it ended) is told the request already moved.
 */
export function stepRefusal(step: ServiceRequestAction, current: ServiceRequestState): ErrorCode {
  if (step === 'cancel') return current === 'declined' || current === 'cancelled' ? 'SERVICE_REQUEST_ALREADY_MOVED' : 'SERVICE_REQUEST_NOT_CANCELLABLE';
  const at = ORDER[current];
  if (at !== undefined && at < ORDER[FLOW[step].from[0]]!) return 'SERVICE_REQUEST_STEP_SKIPPED';
  return 'SERVICE_REQUEST_ALREADY_MOVED';
}

/** Who the caller is to a request: what decides the steps they may take. */
export interface RequestRoles {
  /** Committee of its community, or admin of its street. */
  manager: boolean;
  /** The assigned person, or a member of the assigned organisation. */
  assignee: boolean;
  /** The person who asked, or a verified resident of its household. */
  requester: boolean;
}

const WHO: Record<ServiceRequestAction, keyof RequestRoles> = {
  accept: 'manager',
  decline: 'manager',
  assign: 'manager',
  start: 'assignee',
  done: 'assignee',
  confirm: 'requester',
  cancel: 'requester',
};

export const refusalForRole: Record<keyof RequestRoles, ErrorCode> = {
  manager: 'OUT_OF_SCOPE',
  assignee: 'SERVICE_REQUEST_NOT_ASSIGNEE',
  requester: 'SERVICE_REQUEST_NOT_REQUESTER',
};

export function roleFor(step: ServiceRequestAction): keyof RequestRoles {
  return WHO[step];
}

/** The steps the caller may take now, for the page's buttons. */
export function availableActions(state: ServiceRequestState, roles: RequestRoles): ServiceRequestAction[] {
  return (Object.keys(FLOW) as ServiceRequestAction[]).filter((step) => FLOW[step].from.includes(state) && roles[WHO[step]]);
}
