import { Injectable } from '@nestjs/common';
import type {
  CreateOrganisation,
  OrganisationDetail,
  OrganisationRegistryQuery,
  Page,
  UpdateOrganisation,
} from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import type { Organisation } from '../communities/organisation.entity.js';
import { Database, isUniqueViolation } from '../database/database.js';
import { chinaDay, stageColumn, toOrganisationDetail } from './organisation.mapper.js';
import { OrganisationsRepository, type OrganisationValues } from './organisations.repository.js';

/** The registry of a street's organisations. Street admins keep it; other staff of the street may read it. */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: Database,
    private readonly repo: OrganisationsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext, query: OrganisationRegistryQuery): Promise<Page<OrganisationDetail>> {
    const streets = await this.readableStreets(auth);
    if (streets.length === 0) throw new AppError('OUT_OF_SCOPE');
    const [rows, total] = await this.repo.page(streets, query);
    return { items: await this.details(auth, rows), total, page: query.page, pageSize: query.pageSize };
  }

  async get(auth: AuthContext, id: number): Promise<OrganisationDetail> {
    const organisation = await this.repo.findById(id);
    // Outside the caller's streets it does not exist for them.
    if (!organisation || !(await this.readableStreets(auth)).includes(organisation.streetId)) throw new AppError('ORGANISATION_NOT_FOUND');
    return (await this.details(auth, [organisation]))[0];
  }

  async create(auth: AuthContext, input: CreateOrganisation): Promise<OrganisationDetail> {
    const streetId = this.access.streetToManage(auth, input.streetId);
    const communityIds = await this.communitiesInStreet(streetId, input.communityIds);
    if (input.mentorId !== null) await this.assertMentor(streetId, input.mentorId, null);
    const values: OrganisationValues = {
      streetId,
      name: input.name,
      type: input.type,
      legalStatus: input.legalStatus,
      registrationNo: input.registrationNo,
      leader: input.leader,
      contactPhone: input.contactPhone,
      description: input.description,
      suspendedAt: null,
      stage: input.stage,
      appliedOn: null,
      incubatingOn: null,
      graduatedOn: null,
      exitedOn: null,
      mentorId: input.mentorId,
      [stageColumn[input.stage]]: input.stageDate ?? chinaDay(this.clock.now()),
    };
    const id = await this.db.transaction(async () => {
      const created = await nameTaken(() => this.repo.insert(values));
      await this.repo.linkCommunities(created, communityIds);
      await this.audit.append({
        actorId: auth.userId,
        action: 'organisation.create',
        communityId: null,
        targetType: 'organisation',
        targetId: created,
        detail: { name: input.name, type: input.type, communityIds },
      });
      return created;
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: number, input: UpdateOrganisation): Promise<OrganisationDetail> {
    const organisation = await this.repo.findById(id);
    if (!organisation) throw new AppError('ORGANISATION_NOT_FOUND');
    this.access.assertStreetAdmin(auth, organisation.streetId);
    const communityIds = input.communityIds && (await this.communitiesInStreet(organisation.streetId, input.communityIds));
    if (input.mentorId !== undefined && input.mentorId !== null) await this.assertMentor(organisation.streetId, input.mentorId, id);
    const { communityIds: _, suspended, stage, stageDate, ...fields } = input;
    const now = this.clock.now();
    const patch: Partial<OrganisationValues> = {
      ...fields,
      ...(suspended !== undefined && { suspendedAt: suspended ? (organisation.suspendedAt ?? now) : null }),
      ...(stage !== undefined && { stage }),
      // A stage's date is set when it is entered, or when staff correct it.
      ...((stage !== undefined && stage !== organisation.stage) || stageDate !== undefined
        ? { [stageColumn[stage ?? organisation.stage]]: stageDate ?? chinaDay(now) }
        : {}),
    };
    await this.db.transaction(async () => {
      await nameTaken(() => this.repo.update(id, patch));
      if (communityIds) await this.repo.setCommunities(id, communityIds);
      await this.audit.append({
        actorId: auth.userId,
        action: suspended === true ? 'organisation.suspend' : suspended === false ? 'organisation.reinstate' : 'organisation.update',
        communityId: null,
        targetType: 'organisation',
        targetId: id,
        detail: { changes: input },
      });
    });
    return this.get(auth, id);
  }

  /** Street admins see their streets; committee and organisation staff the street they work in. */
  private async readableStreets(auth: AuthContext): Promise<number[]> {
    const own = await this.repo.streetsOf({
      communityIds: auth.grants.filter((g) => g.communityId !== null).map((g) => g.communityId!),
      organisationIds: auth.grants.filter((g) => g.organisationId !== null).map((g) => g.organisationId!),
    });
    return [...new Set([...this.access.adminStreets(auth), ...own])];
  }

  private async details(auth: AuthContext, rows: Organisation[]): Promise<OrganisationDetail[]> {
    const mentorIds = [...new Set(rows.map((o) => o.mentorId).filter((m): m is number => m !== null))];
    const [links, mentors] = await Promise.all([this.repo.communityIdsOf(rows.map((o) => o.id)), this.repo.findByIds(mentorIds)]);
    const mentorNames = new Map(mentors.map((m) => [m.id, m.name]));
    const admin = this.access.adminStreets(auth);
    return rows.map((o) =>
      toOrganisationDetail(o, {
        communityIds: links.get(o.id) ?? [],
        mentorName: o.mentorId === null ? null : (mentorNames.get(o.mentorId) ?? null),
        fullContact: admin.has(o.streetId),
      }),
    );
  }

  private async communitiesInStreet(streetId: number, ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    const found = await this.repo.communitiesOfStreet(streetId, unique);
    if (found.length !== unique.length) throw new AppError('COMMUNITY_NOT_FOUND');
    return unique.sort((a, b) => a - b);
  }

  private async assertMentor(streetId: number, mentorId: number, self: number | null): Promise<void> {
    const mentor = await this.repo.findById(mentorId);
    if (!mentor || mentor.streetId !== streetId || mentor.id === self) throw new AppError('ORGANISATION_MENTOR_INVALID');
  }
}

/** A write that may collide with another organisation's name in the street (the unique key decides). */
export async function nameTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ORGANISATION_NAME_TAKEN');
    throw error;
  }
}
