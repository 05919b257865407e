import { Injectable } from '@nestjs/common';
import {
  inChina,
  type CommunityCentre,
  type CreateServicePoint,
  type OpeningHours,
  type Page,
  type ServicePoint,
  type ServicePointQuery,
  type UpdateServicePoint,
} from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { assertValidHours } from './opening-hours.js';
import { toServicePoint } from './service-point.mapper.js';
import { ServicePointsRepository, type ServicePointRow, type ServicePointValues } from './service-points.repository.js';

/**
 * Managing the service circle's points: committee staff for their community's points, street admins for every
 * point of their street (street-level ones included). Every write is audit-logged with what changed.
 */
@Injectable()
export class ServicePointsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ServicePointsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {}

  async list(auth: AuthContext, query: ServicePointQuery): Promise<Page<ServicePoint>> {
    const scope = await this.scope(auth);
    if (scope.communityIds.length === 0 && scope.streetIds.length === 0) throw new AppError('OUT_OF_SCOPE');
    const [rows, total] = await this.repo.page(scope, query);
    return { items: rows.map(toServicePoint), total, page: query.page, pageSize: query.pageSize };
  }

  /** Where a point is, when it opens and its phone are public facts: anyone logged in may read one. */
  async get(id: number): Promise<ServicePoint> {
    const row = await this.repo.findById(id);
    if (!row) throw new AppError('SERVICE_POINT_NOT_FOUND');
    return toServicePoint(row);
  }

  async create(auth: AuthContext, input: CreateServicePoint): Promise<ServicePoint> {
    const streetId = await this.placeOf(auth, input.communityId, input.streetId);
    assertCoordinates(input.lat, input.lng);
    assertValidHours(input.hours);
    await this.assertOrganisation(input.organisationId, streetId);
    const values: ServicePointValues = {
      streetId,
      communityId: input.communityId,
      name: input.name,
      kind: input.kind,
      organisationId: input.organisationId,
      address: input.address,
      lat: input.lat,
      lng: input.lng,
      hours: JSON.stringify(input.hours satisfies OpeningHours),
      services: JSON.stringify(input.services),
      phone: input.phone,
    };
    const id = await this.db.transaction(async () => {
      const created = await this.repo.insert(values);
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_point.create',
        communityId: input.communityId,
        streetId,
        targetType: 'service_point',
        targetId: created,
        detail: { name: input.name, kind: input.kind, lat: input.lat, lng: input.lng },
      });
      return created;
    });
    return this.get(id);
  }

  async update(auth: AuthContext, id: number, input: UpdateServicePoint): Promise<ServicePoint> {
    const point = await this.managed(auth, id);
    assertCoordinates(input.lat ?? Number(point.lat), input.lng ?? Number(point.lng));
    if (input.hours) assertValidHours(input.hours);
    if (input.organisationId !== undefined) await this.assertOrganisation(input.organisationId, point.streetId);
    const { hours, services, ...fields } = input;
    const patch: Partial<ServicePointValues> = {
      ...fields,
      ...(hours && { hours: JSON.stringify(hours) }),
      ...(services && { services: JSON.stringify(services) }),
    };
    await this.db.transaction(async () => {
      await this.repo.update(id, patch);
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_point.update',
        communityId: point.communityId,
        streetId: point.streetId,
        targetType: 'service_point',
        targetId: id,
        detail: { changes: input },
      });
    });
    return this.get(id);
  }

  async remove(auth: AuthContext, id: number): Promise<void> {
    const point = await this.managed(auth, id);
    await this.db.transaction(async () => {
      // A second remove racing this one finds nothing to delete and logs nothing.
      if (!(await this.repo.delete(id))) throw new AppError('SERVICE_POINT_NOT_FOUND');
      await this.audit.append({
        actorId: auth.userId,
        action: 'service_point.delete',
        communityId: point.communityId,
        streetId: point.streetId,
        targetType: 'service_point',
        targetId: id,
        detail: { was: toServicePoint(point) },
      });
    });
  }

  async centres(auth: AuthContext): Promise<{ items: CommunityCentre[] }> {
    const ids = [...(await this.access.residentAdminCommunities(auth))];
    if (ids.length === 0) throw new AppError('OUT_OF_SCOPE');
    return { items: (await this.repo.communities(ids)).map(toCentre) };
  }

  async setCentre(auth: AuthContext, communityId: number, at: { lat: number; lng: number }): Promise<CommunityCentre> {
    await this.access.assertResidentAdmin(auth, communityId);
    assertCoordinates(at.lat, at.lng);
    await this.db.transaction(async () => {
      await this.repo.setCentre(communityId, at.lat, at.lng);
      await this.audit.append({
        actorId: auth.userId,
        action: 'community.set_centre',
        communityId,
        targetType: 'community',
        targetId: communityId,
        detail: at,
      });
    });
    return toCentre((await this.repo.community(communityId))!);
  }

  private async scope(auth: AuthContext): Promise<{ communityIds: number[]; streetIds: number[] }> {
    return { communityIds: [...(await this.access.residentAdminCommunities(auth))], streetIds: [...this.access.adminStreets(auth)] };
  }

  /** The point, if the caller manages it; one they may not manage is OUT_OF_SCOPE (its facts are public anyway). */
  private async managed(auth: AuthContext, id: number): Promise<ServicePointRow> {
    const point = await this.repo.findById(id);
    if (!point) throw new AppError('SERVICE_POINT_NOT_FOUND');
    const scope = await this.scope(auth);
    const mine = point.communityId !== null ? scope.communityIds.includes(point.communityId) : scope.streetIds.includes(point.streetId);
    if (!mine) throw new AppError('OUT_OF_SCOPE');
    return point;
  }

  /** The street a new point goes in: its community's (the caller must run it), or the admin's own for a street-level point. */
  private async placeOf(auth: AuthContext, communityId: number | null, streetId?: number): Promise<number> {
    if (communityId === null) return this.access.streetToManage(auth, streetId);
    await this.access.assertResidentAdmin(auth, communityId);
    return (await this.repo.community(communityId))!.streetId;
  }

  private async assertOrganisation(organisationId: number | null, streetId: number): Promise<void> {
    if (organisationId !== null && !(await this.repo.organisationOfStreet(organisationId, streetId))) {
      throw new AppError('SERVICE_POINT_ORGANISATION_UNKNOWN');
    }
  }
}

export function assertCoordinates(lat: number, lng: number): void {
  if (!inChina(lat, lng)) throw new AppError('COORDINATES_OUT_OF_RANGE');
}

function toCentre(c: { id: number; name: string; centreLat: number | null; centreLng: number | null }): CommunityCentre {
  return { communityId: c.id, name: c.name, lat: c.centreLat === null ? null : Number(c.centreLat), lng: c.centreLng === null ? null : Number(c.centreLng) };
}
