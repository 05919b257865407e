import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Activity } from '../activities/activity.entity.js';
import { Database } from '../database/database.js';
import { RoleGrant } from '../users/role-grant.entity.js';
import { User } from '../users/user.entity.js';
import { ServiceItemActivity } from './service-item-activity.entity.js';
import { ServiceItemWorker } from './service-item-worker.entity.js';
import { ServiceItem } from './service-item.entity.js';
import { ServiceLog } from './service-log.entity.js';

export type ItemValues = Omit<ServiceItem, 'id' | 'contract' | 'version'>;

@Injectable()
export class ItemsRepository {
  constructor(private readonly db: Database) {}

  findById(id: number): Promise<ServiceItem | null> {
    return this.db.run((em) => em.findOneBy(ServiceItem, { id }));
  }

  byContract(contractId: number): Promise<ServiceItem[]> {
    return this.db.run((em) => em.find(ServiceItem, { where: { contractId }, order: { id: 'ASC' } }));
  }

  async assignedTo(userId: number): Promise<ServiceItem[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(ServiceItem, 'i')
        .innerJoin(ServiceItemWorker, 'w', 'w.itemId = i.id AND w.userId = :userId', { userId })
        .orderBy('i.id', 'ASC')
        .getMany(),
    );
  }

  async insert(values: ItemValues): Promise<number> {
    return this.db.run(async (em) => (await em.insert(ServiceItem, { ...values, version: 1 })).identifiers[0].id as number);
  }

  /** An edit based on `version`: applies only when nobody edited since. Also the lock two racing edits meet. */
  async updateVersioned(id: number, version: number, patch: Partial<ItemValues>): Promise<boolean> {
    return this.db.run(async (em) => ((await em.update(ServiceItem, { id, version }, { ...patch, version: version + 1 })).affected ?? 0) === 1);
  }

  /**
   * Deletes an item, its links and its register (with its due-week counts); the foreign key from service_log refuses
   * it once anything was logged.
   */
  async delete(id: number): Promise<void> {
    await this.db.run(async (em) => {
      await em.delete(ServiceItemWorker, { itemId: id });
      await em.delete(ServiceItemActivity, { itemId: id });
      await em.query('DELETE FROM `service_beneficiary` WHERE `itemId` = ?', [id]);
      await em.query('DELETE FROM `service_item_due_week` WHERE `itemId` = ?', [id]);
      await em.delete(ServiceItem, { id });
    });
  }

  async hasLogs(itemIds: number[]): Promise<boolean> {
    if (itemIds.length === 0) return false;
    return this.db.run((em) => em.existsBy(ServiceLog, { itemId: In(itemIds) }));
  }

  async setWorkers(itemId: number, userIds: number[]): Promise<void> {
    await this.db.run(async (em) => {
      await em.delete(ServiceItemWorker, { itemId });
      if (userIds.length) await em.insert(ServiceItemWorker, userIds.map((userId) => ({ itemId, userId })));
    });
  }

  async setActivities(itemId: number, activityIds: number[]): Promise<void> {
    await this.db.run(async (em) => {
      await em.delete(ServiceItemActivity, { itemId });
      if (activityIds.length) await em.insert(ServiceItemActivity, activityIds.map((activityId) => ({ itemId, activityId })));
    });
  }

  isAssigned(itemId: number, userId: number): Promise<boolean> {
    return this.db.run((em) => em.existsBy(ServiceItemWorker, { itemId, userId }));
  }

  /** Item id → its workers (id and name). */
  async workers(itemIds: number[]): Promise<Map<number, { id: number; name: string }[]>> {
    const out = new Map<number, { id: number; name: string }[]>(itemIds.map((id) => [id, []]));
    if (itemIds.length === 0) return out;
    const rows = await this.db.run((em) =>
      em
        .createQueryBuilder(ServiceItemWorker, 'w')
        .innerJoin(User, 'u', 'u.id = w.userId')
        .select(['w.itemId AS itemId', 'u.id AS id', 'u.nickname AS name'])
        .where('w.itemId IN (:...itemIds)', { itemIds })
        .orderBy('u.id', 'ASC')
        .getRawMany<{ itemId: number; id: number; name: string }>(),
    );
    for (const r of rows) out.get(Number(r.itemId))!.push({ id: Number(r.id), name: r.name });
    return out;
  }

  async activityIds(itemIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(itemIds.map((id) => [id, []]));
    if (itemIds.length === 0) return out;
    const rows = await this.db.run((em) => em.find(ServiceItemActivity, { where: { itemId: In(itemIds) }, order: { activityId: 'ASC' } }));
    for (const r of rows) out.get(r.itemId)!.push(r.activityId);
    return out;
  }

  /** Of these users, those who are staff or social workers of the organisation. */
  async staffOf(organisationId: number, userIds: number[]): Promise<Set<number>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.db.run((em) =>
      em.find(RoleGrant, { select: { userId: true }, where: { organisationId, userId: In(userIds), role: In(['org_staff', 'social_worker']) } }),
    );
    return new Set(rows.map((r) => r.userId));
  }

  /** The organisation's staff and social workers, by name. */
  async staffList(organisationId: number): Promise<{ id: number; name: string }[]> {
    const rows = await this.db.run((em) =>
      em
        .createQueryBuilder(RoleGrant, 'g')
        .innerJoin(User, 'u', 'u.id = g.userId')
        .select(['u.id AS id', 'u.nickname AS name'])
        .distinct(true)
        .where("g.organisationId = :organisationId AND g.role IN ('org_staff', 'social_worker')", { organisationId })
        .orderBy('u.id', 'ASC')
        .getRawMany<{ id: number; name: string }>(),
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name }));
  }

  /** Of these activities, those held in the community. */
  async activitiesIn(communityId: number, activityIds: number[]): Promise<Set<number>> {
    if (activityIds.length === 0) return new Set();
    const rows = await this.db.run((em) => em.find(Activity, { select: { id: true }, where: { id: In(activityIds), communityId } }));
    return new Set(rows.map((a) => a.id));
  }
}
