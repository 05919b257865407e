import { Inject, Injectable } from '@nestjs/common';
import {
  pageLink,
  serviceCategoryLabels,
  STAFF_ROLES,
  type AssignServiceRequest,
  type CreateServiceRequest,
  type ServiceRequest as ServiceRequestDto,
  type ServiceRequestAction,
  type ServiceRequestPage,
  type ServiceRequestQuery,
  type ServiceRequestState,
} from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Database } from '../database/database.js';
import { NotificationService } from '../notifications/notification.service.js';
import { CommunityPeopleRepository, memberOrganisations } from './community-people.repository.js';
import { FLOW, refusalForRole, roleFor, stepRefusal } from './service-request-flow.js';
import type { ServiceRequest } from './service-request.entity.js';
import { ServiceRequestMapper } from './service-request.mapper.js';
import { ServiceRequestsRepository } from './service-requests.repository.js';

/** A needed-at time this far in the past is a mistake (a little slack for a phone's clock). */
const PAST_SLACK_MS = 3600_000;
const OPEN_STATES: ServiceRequestState[] = ['submitted', 'accepted', 'assigned', 'started'];

/** What each step tells the resident (their inbox, and WeChat where they subscribed). */
function residentNotice(step: ServiceRequestAction, r: ServiceRequest, assigneeName: string): { title: string; body: string } | null {
  const what = `「${serviceCategoryLabels[r.category]}」${r.details}`;
  switch (step) {
    case 'accept':
      return { title: '社区已受理您的求助', body: `${what}。社区正在安排人，安排好会再通知您。` };
    case 'decline':
      return { title: '社区暂时办不了您的求助', body: `${what}。原因：${r.declineReason}` };
    case 'assign':
      return { title: '已为您安排服务', body: `${what}。由${assigneeName}为您服务，对方接单后会再通知您。` };
    case 'start':
      return { title: '服务人员已接单', body: `${what}。${assigneeName}已接单，会按约定的时间来。` };
    case 'done':
      return { title: '服务已办好，请您确认', body: `${what}。${r.doneNote ?? ''}请在“我的求助”里确认并评价。` };
    default:
      return null;
  }
}

/** Residents' requests for help: asked, taken on or declined, assigned, done and confirmed, one step at a time. */
@Injectable()
export class ServiceRequestsService {
  constructor(
    private readonly db: Database,
    private readonly requests: ServiceRequestsRepository,
    private readonly people: CommunityPeopleRepository,
    private readonly mapper: ServiceRequestMapper,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A resident for their own verified household; staff taking a phone call for any household of their community. */
  async create(auth: AuthContext, input: CreateServiceRequest): Promise<ServiceRequestDto> {
    const household = await this.people.findHousehold(input.householdId);
    if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND');
    const now = this.clock.now();
    if (input.neededAt && Date.parse(input.neededAt) < now.getTime() - PAST_SLACK_MS) throw new AppError('SERVICE_REQUEST_TIME_INVALID');
    let enteredByStaff = false;
    if (!(await this.people.isResident(auth.userId, household.id))) {
      if (!(await this.access.residentAdminCommunities(auth)).has(household.communityId)) throw new AppError('SERVICE_REQUEST_NOT_YOUR_HOUSEHOLD');
      enteredByStaff = true;
    }
    const id = await this.db.transaction(async () => {
      const created = await this.requests.insert({
        communityId: household.communityId,
        householdId: household.id,
        category: input.category,
        details: input.details,
        neededAt: input.neededAt ? new Date(input.neededAt) : null,
        contactName: input.contactName,
        serviceItemId: input.serviceItemId,
        requesterId: auth.userId,
        enteredByStaff,
        createdAt: now,
      });
      if (enteredByStaff) {
        await this.audit.append({
          actorId: auth.userId,
          action: 'service_request.create',
          communityId: household.communityId,
          targetType: 'service_request',
          targetId: created,
          detail: { householdId: household.id, category: input.category },
        });
        const residents = await this.people.residentsOf(household.id);
        await this.notifications.notifyMany(residents, 'service_request', {
          title: '社区已为您登记求助',
          body: `「${serviceCategoryLabels[input.category]}」${input.details}。社区会尽快安排，每一步都会通知您。`,
          activityId: null,
          page: pageLink('myServiceRequests'),
        });
      }
      return created;
    });
    return this.mapper.one(auth, (await this.requests.findById(id))!);
  }

  async list(auth: AuthContext, query: ServiceRequestQuery): Promise<ServiceRequestPage> {
    const now = this.clock.now();
    const responseHours = this.config.serviceRequestResponseHours;
    const states = query.state === 'open' ? OPEN_STATES : query.state ? [query.state] : undefined;
    const filter = {
      states,
      category: query.category,
      ...(query.overdue && { submittedBefore: new Date(now.getTime() - responseHours * 3600_000) }),
    };
    let scope;
    if (query.view === 'mine') {
      scope = { mine: { userId: auth.userId, householdIds: await this.people.householdsOf(auth.userId) } };
    } else if (query.view === 'assigned') {
      scope = { assigned: { userId: auth.userId, organisationIds: memberOrganisations(auth.grants) } };
    } else {
      scope = { communityIds: await this.access.statsCommunities(auth, query.communityId) };
    }
    const communityFilter = query.view !== 'community' && query.communityId !== undefined ? { communityIds: [query.communityId] } : {};
    const [rows, total] = await this.requests.page({ ...filter, ...scope, ...communityFilter }, query.page, query.pageSize);
    return { items: await this.mapper.many(auth, rows), total, page: query.page, pageSize: query.pageSize, responseHours };
  }

  accept(auth: AuthContext, id: number) {
    return this.step(auth, id, 'accept', {});
  }

  decline(auth: AuthContext, id: number, reason: string) {
    return this.step(auth, id, 'decline', { declineReason: reason });
  }

  /** To a staff worker or a volunteer resident of the community, or an organisation serving it. */
  async assign(auth: AuthContext, id: number, to: AssignServiceRequest) {
    const request = await this.visible(auth, id);
    await this.assertAssignable(request.communityId, to);
    return this.step(auth, id, 'assign', {
      assigneeKind: to.kind,
      assigneeUserId: to.kind === 'organisation' ? null : to.id,
      assigneeOrganisationId: to.kind === 'organisation' ? to.id : null,
    });
  }

  start(auth: AuthContext, id: number) {
    return this.step(auth, id, 'start', {});
  }

  done(auth: AuthContext, id: number, note: string) {
    return this.step(auth, id, 'done', { doneNote: note });
  }

  confirm(auth: AuthContext, id: number, rating: number, comment: string) {
    return this.step(auth, id, 'confirm', { rating, comment });
  }

  cancel(auth: AuthContext, id: number) {
    return this.step(auth, id, 'cancel', {});
  }

  private async assertAssignable(communityId: number, to: AssignServiceRequest): Promise<void> {
    const ok =
      to.kind === 'organisation'
        ? (await this.people.servingOrganisation(to.id, communityId)) !== null
        : to.kind === 'staff'
          ? await this.people.isStaffOf(to.id, communityId)
          : await this.people.isResidentOfCommunity(to.id, communityId);
    if (!ok) throw new AppError('ASSIGNEE_OUT_OF_COMMUNITY');
  }

  /**
   * One step: the caller must see the request, the request must be in a state the step leaves from, the caller
   * must be who takes that step; then a conditional update from that state, so a racing step changes nothing.
   */
  private async step(auth: AuthContext, id: number, step: ServiceRequestAction, values: Partial<ServiceRequest>): Promise<ServiceRequestDto> {
    const request = await this.visible(auth, id);
    const { from, to } = FLOW[step];
    if (!from.includes(request.state)) throw new AppError(stepRefusal(step, request.state));
    const role = roleFor(step);
    if (!(await this.mapper.roles(auth, request))[role]) throw new AppError(refusalForRole[role]);
    await this.db.transaction(async () => {
      if (!(await this.requests.transition(id, from, { ...values, state: to, updatedAt: this.clock.now() }))) {
        const now = (await this.requests.findById(id))!;
        throw new AppError(stepRefusal(step, now.state));
      }
      const moved = (await this.requests.findById(id))!;
      if (auth.grants.some((g) => STAFF_ROLES.includes(g.role))) {
        await this.audit.append({
          actorId: auth.userId,
          action: `service_request.${step}`,
          communityId: moved.communityId,
          targetType: 'service_request',
          targetId: id,
          detail: { from: request.state, to, ...values },
        });
      }
      await this.tell(step, moved);
    });
    return this.mapper.one(auth, (await this.requests.findById(id))!);
  }

  /** The resident hears of every step the community or the assignee takes; the assignee of what concerns them. */
  private async tell(step: ServiceRequestAction, r: ServiceRequest): Promise<void> {
    const assigneeName = await this.mapper.assigneeName(r);
    const forResident = residentNotice(step, r, assigneeName);
    if (forResident) {
      const residents = r.enteredByStaff ? await this.people.residentsOf(r.householdId) : [r.requesterId];
      await this.notifications.notifyMany(residents, 'service_request', { ...forResident, activityId: null, page: pageLink('myServiceRequests') });
    }
    const assignees = r.assigneeOrganisationId !== null ? await this.people.organisationMembers(r.assigneeOrganisationId) : r.assigneeUserId !== null ? [r.assigneeUserId] : [];
    const what = `「${serviceCategoryLabels[r.category]}」${r.details}`;
    const forAssignee =
      step === 'assign'
        ? { title: '您有一条新的求助任务', body: `${what}。请到“派给我的”里接单。` }
        : step === 'confirm'
          ? { title: '居民已确认服务完成', body: `${what}。评分 ${r.rating} 分${r.comment ? `：${r.comment}` : ''}` }
          : step === 'cancel' && r.assigneeKind !== null
            ? { title: '居民取消了求助', body: `${what}。这项任务不用再做了。` }
            : null;
    if (forAssignee && assignees.length) {
      await this.notifications.notifyMany(assignees, 'service_request', {
        ...forAssignee,
        activityId: null,
        page: pageLink('myServiceRequests', { view: 'assigned' }),
      });
    }
  }

  /** The request, when the caller may see it at all; someone else's is not found. */
  private async visible(auth: AuthContext, id: number): Promise<ServiceRequest> {
    const request = await this.requests.findById(id);
    if (!request) throw new AppError('SERVICE_REQUEST_NOT_FOUND');
    const roles = await this.mapper.roles(auth, request);
    if (!roles.manager && !roles.assignee && !roles.requester) throw new AppError('SERVICE_REQUEST_NOT_FOUND');
    return request;
  }
}
