import { Injectable } from '@nestjs/common';
import type { ServicePointKind, ServicePointQuery } from '@linli/shared';
import { Community } from '../communities/community.entity.js';
import { Organisation } from '../communities/organisation.entity.js';
import { Database } from '../database/database.js';
import { bandsOf, latBand } from './geo.js';
import { ServicePoint } from './service-point.entity.js';

export type ServicePointValues = Omit<ServicePoint, 'id' | 'street' | 'community' | 'latBand'>;
/** A point with the names a reader sees beside it. */
export type ServicePointRow = ServicePoint & { communityName: string | null; organisationName: string | null };
export interface Box {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

const DETAIL = `SELECT p.*, c.\`name\` AS \`communityName\`, o.\`name\` AS \`organisationName\`
  FROM \`service_point\` p
  LEFT JOIN \`community\` c ON c.\`id\` = p.\`communityId\`
  LEFT JOIN \`organisation\` o ON o.\`id\` = p.\`organisationId\``;

@Injectable()
export class ServicePointsRepository {
  constructor(private readonly db: Database) {}

  async findById(id: number): Promise<ServicePointRow | null> {
    return (await this.byIds([id]))[0] ?? null;
  }

  async byIds(ids: number[]): Promise<ServicePointRow[]> {
    if (ids.length === 0) return [];
    return (await this.db.rows(ServicePoint, `${DETAIL} WHERE p.\`id\` IN (${ids.map(() => '?').join(',')})`, ids)).map(named);
  }

  /** Points in the box, coordinates only, read from the (latBand, lng, lat) index alone: one seek per band. */
  async inBox(box: Box, kind?: ServicePointKind): Promise<{ id: number; lat: number; lng: number }[]> {
    const bands = bandsOf(box);
    const rows = await this.db.rawQuery<{ id: number; lat: number; lng: number }>(
      `SELECT \`id\`, \`lat\`, \`lng\` FROM \`service_point\`
        WHERE \`latBand\` IN (${bands.map(() => '?').join(',')}) AND \`lng\` BETWEEN ? AND ? AND \`lat\` BETWEEN ? AND ?${kind ? ' AND `kind` = ?' : ''}`,
      [...bands, box.minLng, box.maxLng, box.minLat, box.maxLat, ...(kind ? [kind] : [])],
    );
    return rows.map((r) => ({ id: Number(r.id), lat: Number(r.lat), lng: Number(r.lng) }));
  }

  /** A page of the points of these communities, and the street-level points of these streets. */
  async page(scope: { communityIds: number[]; streetIds: number[] }, query: ServicePointQuery): Promise<[ServicePointRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    const inList = (ids: number[]) => (ids.length ? ids.map(() => '?').join(',') : 'NULL');
    add(
      `(p.\`communityId\` IN (${inList(scope.communityIds)}) OR (p.\`communityId\` IS NULL AND p.\`streetId\` IN (${inList(scope.streetIds)})))`,
      ...scope.communityIds,
      ...scope.streetIds,
    );
    if (query.communityId !== undefined) add('p.`communityId` = ?', query.communityId);
    if (query.kind) add('p.`kind` = ?', query.kind);
    // A % or _ typed into the search box widens it a little; harmless.
    if (query.q) add('(p.`name` LIKE ? OR p.`address` LIKE ?)', `%${query.q}%`, `%${query.q}%`);
    const rows = await this.db.rows(
      ServicePoint,
      `SELECT q.*, COUNT(*) OVER () AS \`total\` FROM (${DETAIL} WHERE ${where.join(' AND ')}) q ORDER BY q.\`id\` LIMIT ? OFFSET ?`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return [rows.map(named), rows.length ? Number(rows[0].total) : 0];
  }

  insert(values: ServicePointValues): Promise<number> {
    return this.db.run(async (em) => (await em.insert(ServicePoint, { ...values, latBand: latBand(values.lat) })).identifiers[0].id as number);
  }

  async update(id: number, patch: Partial<ServicePointValues>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.run((em) => em.update(ServicePoint, { id }, patch.lat === undefined ? patch : { ...patch, latBand: latBand(patch.lat) }));
  }

  /** Whether this call removed it (a second delete racing it removes nothing). */
  async delete(id: number): Promise<boolean> {
    return this.db.run(async (em) => ((await em.delete(ServicePoint, { id })).affected ?? 0) > 0);
  }

  organisationOfStreet(id: number, streetId: number): Promise<Organisation | null> {
    return this.db.run((em) => em.findOneBy(Organisation, { id, streetId }));
  }

  community(id: number): Promise<Community | null> {
    return this.db.run((em) => em.findOneBy(Community, { id }));
  }

  communities(ids: number[]): Promise<Community[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.run((em) => em.createQueryBuilder(Community, 'c').where('c.id IN (:...ids)', { ids }).orderBy('c.id').getMany());
  }

  async setCentre(communityId: number, lat: number, lng: number): Promise<void> {
    await this.db.run((em) => em.update(Community, { id: communityId }, { centreLat: lat, centreLng: lng }));
  }

  /** The community (name and centre) of a household the user is a verified resident of; null when they are not. */
  async residentCommunity(userId: number, householdId: number): Promise<{ name: string; lat: number | null; lng: number | null } | null> {
    const [row] = await this.db.rawQuery<{ name: string; centreLat: number | null; centreLng: number | null }>(
      `SELECT c.\`name\`, c.\`centreLat\`, c.\`centreLng\` FROM \`residency\` r
        JOIN \`community\` c ON c.\`id\` = r.\`communityId\`
        WHERE r.\`userId\` = ? AND r.\`householdId\` = ?`,
      [userId, householdId],
    );
    if (!row) return null;
    const degrees = (v: number | null) => (v === null ? null : Number(v));
    return { name: row.name, lat: degrees(row.centreLat), lng: degrees(row.centreLng) };
  }
}

function named(row: ServicePoint & Record<string, unknown>): ServicePointRow {
  return { ...row, communityName: (row.communityName as string | null) ?? null, organisationName: (row.organisationName as string | null) ?? null };
}
