import { Injectable } from '@nestjs/common';
import type {
  CreateOrganisationApplication,
  OrganisationApplication as ApplicationDto,
  OrganisationApplicationQuery,
  Page,
} from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';
import { Database } from '../database/database.js';
import { ApplicationsRepository, type ApplicationWithCommunity } from './applications.repository.js';
import { organisationFromApplication } from './organisation.mapper.js';
import { nameTaken } from './organisations.service.js';
import { OrganisationsRepository } from './organisations.repository.js';

function toDto(a: ApplicationWithCommunity): ApplicationDto {
  return {
    id: a.id,
    communityId: a.communityId,
    communityName: a.communityName,
    name: a.name,
    leader: a.leader,
    membersCount: a.membersCount,
    activities: a.activities,
    venue: a.venue,
    status: a.status,
    reason: a.reason,
    organisationId: a.organisationId,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
  };
}

/** Community groups apply for 备案; the community's committee (or the street admin) approves or rejects. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly db: Database,
    private readonly applications: ApplicationsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly communities: CommunitiesRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async apply(auth: AuthContext, input: CreateOrganisationApplication): Promise<ApplicationDto> {
    const community = await this.communities.findById(input.communityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    if (community.archivedAt) throw new AppError('COMMUNITY_ARCHIVED');
    const id = await this.db.transaction(async () => {
      const created = await this.applications.insert({ ...input, applicantId: auth.userId, createdAt: this.clock.now() });
      await this.audit.append({
        actorId: auth.userId,
        action: 'organisation_application.create',
        communityId: input.communityId,
        targetType: 'organisation_application',
        targetId: created,
        detail: { name: input.name },
      });
      return created;
    });
    return this.dto(id);
  }

  async mine(auth: AuthContext, query: OrganisationApplicationQuery): Promise<Page<ApplicationDto>> {
    const [rows, total] = await this.applications.page({ applicantId: auth.userId, status: query.status }, query.page, query.pageSize);
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  async list(auth: AuthContext, query: OrganisationApplicationQuery): Promise<Page<ApplicationDto>> {
    const scope = await this.access.residentAdminCommunities(auth);
    if (query.communityId !== undefined && !scope.has(query.communityId)) throw new AppError('OUT_OF_SCOPE');
    const communityIds = query.communityId !== undefined ? [query.communityId] : [...scope];
    if (communityIds.length === 0) throw new AppError('OUT_OF_SCOPE');
    const [rows, total] = await this.applications.page({ communityIds, status: query.status }, query.page, query.pageSize);
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Creates the organisation (社区社会组织, 备案, serving the applicant's community) in the same transaction that
   * decides the application: the conditional pending → approved update lets exactly one approval through.
   */
  async approve(auth: AuthContext, id: number): Promise<ApplicationDto> {
    const application = await this.inScope(auth, id);
    const community = (await this.communities.findById(application.communityId))!;
    const now = this.clock.now();
    await this.db.transaction(async () => {
      if (!(await this.applications.decide(id, { status: 'approved', reason: null, deciderId: auth.userId, decidedAt: now }))) {
        throw new AppError('APPLICATION_ALREADY_DECIDED');
      }
      const organisationId = await nameTaken(() => this.organisations.insert(organisationFromApplication(application, community.streetId)));
      await this.organisations.linkCommunities(organisationId, [application.communityId]);
      await this.applications.setOrganisation(id, organisationId);
      await this.audit.append({
        actorId: auth.userId,
        action: 'organisation_application.approve',
        communityId: application.communityId,
        targetType: 'organisation_application',
        targetId: id,
        detail: { organisationId, name: application.name },
      });
    });
    return this.dto(id);
  }

  async reject(auth: AuthContext, id: number, reason: string): Promise<ApplicationDto> {
    const application = await this.inScope(auth, id);
    await this.db.transaction(async () => {
      const decided = await this.applications.decide(id, { status: 'rejected', reason, deciderId: auth.userId, decidedAt: this.clock.now() });
      if (!decided) throw new AppError('APPLICATION_ALREADY_DECIDED');
      await this.audit.append({
        actorId: auth.userId,
        action: 'organisation_application.reject',
        communityId: application.communityId,
        targetType: 'organisation_application',
        targetId: id,
        detail: { reason },
      });
    });
    return this.dto(id);
  }

  private async inScope(auth: AuthContext, id: number) {
    const application = await this.applications.findById(id);
    if (!application) throw new AppError('APPLICATION_NOT_FOUND');
    await this.access.assertResidentAdmin(auth, application.communityId);
    return application;
  }

  private async dto(id: number): Promise<ApplicationDto> {
    const [row] = await this.applications.withCommunityNames([(await this.applications.findById(id))!]);
    return toDto(row);
  }
}
