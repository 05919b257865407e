import { Inject, Injectable } from '@nestjs/common';
import type { ServiceRequest as ServiceRequestDto } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CommunityPeopleRepository, memberOrganisations } from './community-people.repository.js';
import { availableActions, type RequestRoles } from './service-request-flow.js';
import type { ServiceRequest } from './service-request.entity.js';

/** Who the caller is to requests, worked out once for a page of them. */
interface CallerContext {
  userId: number;
  managed: Set<number>;
  organisations: Set<number>;
  households: Set<number>;
}

/** Requests as the API answers them: names, age, the overdue flag and the steps the caller may take. */
@Injectable()
export class ServiceRequestMapper {
  constructor(
    private readonly people: CommunityPeopleRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async caller(auth: AuthContext): Promise<CallerContext> {
    const [managed, households] = await Promise.all([this.access.residentAdminCommunities(auth), this.people.householdsOf(auth.userId)]);
    return { userId: auth.userId, managed, organisations: new Set(memberOrganisations(auth.grants)), households: new Set(households) };
  }

  async roles(auth: AuthContext, r: ServiceRequest): Promise<RequestRoles> {
    return rolesOf(await this.caller(auth), r);
  }

  async one(auth: AuthContext, r: ServiceRequest): Promise<ServiceRequestDto> {
    return (await this.many(auth, [r]))[0];
  }

  async many(auth: AuthContext, rows: ServiceRequest[]): Promise<ServiceRequestDto[]> {
    const caller = await this.caller(auth);
    const [users, organisations, communities, households] = await Promise.all([
      this.people.userNames(rows.flatMap((r) => [r.requesterId, ...(r.assigneeUserId !== null ? [r.assigneeUserId] : [])])),
      this.people.organisations(rows.flatMap((r) => (r.assigneeOrganisationId !== null ? [r.assigneeOrganisationId] : []))),
      this.people.communityNames(rows.map((r) => r.communityId)),
      this.people.householdLabels(rows.map((r) => r.householdId)),
    ]);
    const now = this.clock.now().getTime();
    const overdueAfterMs = this.config.serviceRequestResponseHours * 3600_000;
    return rows.map((r) => {
      const ageMs = Math.max(0, now - r.createdAt.getTime());
      const assigneeId = r.assigneeOrganisationId ?? r.assigneeUserId;
      return {
        id: r.id,
        communityId: r.communityId,
        communityName: communities.get(r.communityId) ?? '',
        householdId: r.householdId,
        householdLabel: households.get(r.householdId) ?? '',
        category: r.category,
        details: r.details,
        neededAt: r.neededAt?.toISOString() ?? null,
        contactName: r.contactName,
        serviceItemId: r.serviceItemId,
        state: r.state,
        requesterId: r.requesterId,
        requesterName: users.get(r.requesterId) ?? '',
        enteredByStaff: r.enteredByStaff,
        declineReason: r.declineReason,
        assignee:
          r.assigneeKind && assigneeId !== null
            ? {
                kind: r.assigneeKind,
                id: assigneeId,
                name: (r.assigneeOrganisationId !== null ? organisations.get(r.assigneeOrganisationId)?.name : users.get(assigneeId)) ?? '',
              }
            : null,
        doneNote: r.doneNote,
        rating: r.rating,
        comment: r.comment,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        ageMinutes: Math.floor(ageMs / 60_000),
        overdue: r.state === 'submitted' && ageMs > overdueAfterMs,
        actions: availableActions(r.state, rolesOf(caller, r)),
      };
    });
  }

  async assigneeName(r: ServiceRequest): Promise<string> {
    if (r.assigneeOrganisationId !== null) return (await this.people.organisations([r.assigneeOrganisationId])).get(r.assigneeOrganisationId)?.name ?? '';
    if (r.assigneeUserId !== null) return (await this.people.userNames([r.assigneeUserId])).get(r.assigneeUserId) ?? '';
    return '';
  }
}

function rolesOf(c: CallerContext, r: ServiceRequest): RequestRoles {
  return {
    manager: c.managed.has(r.communityId),
    assignee: r.assigneeUserId === c.userId || (r.assigneeOrganisationId !== null && c.organisations.has(r.assigneeOrganisationId)),
    requester: r.requesterId === c.userId || c.households.has(r.householdId),
  };
}
