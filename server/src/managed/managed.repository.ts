import { Injectable } from '@nestjs/common';
import { Signup } from '../activities/signup.entity.js';
import { Database } from '../database/database.js';
import { ResidencyClaim } from '../residency/residency-claim.entity.js';
import { Residency } from '../residency/residency.entity.js';
import { RoleGrant } from '../users/role-grant.entity.js';
import { User } from '../users/user.entity.js';
import { ManagedHandover } from './managed-handover.entity.js';

export interface ManagedRow {
  id: number;
  name: string;
  createdAt: Date;
  registeredBy: string;
  householdId: number;
  communityId: number;
  communityName: string;
  building: string;
  unit: string;
  room: string;
}

/** Managed residents (代办) and their handover codes: the only code that touches `managed_handover`. */
@Injectable()
export class ManagedRepository {
  constructor(private readonly db: Database) {}

  async insertUser(openid: string, nickname: string, managedById: number, now: Date): Promise<number> {
    return this.db.run(
      async (em) =>
        (await em.insert(User, { openid, nickname, unionid: null, avatarUrl: null, birthYear: null, createdAt: now, managedById })).identifiers[0].id as number,
    );
  }

  /** Managed residents (still managed, not deleted) with their household, newest first; one page. */
  async page(communityIds: number[], filter: { id?: number }, paging: { offset: number; limit: number }): Promise<[ManagedRow[], number]> {
    if (communityIds.length === 0) return [[], 0];
    return this.db.run(async (em) => {
      const q = em
        .createQueryBuilder(User, 'u')
        .innerJoin(Residency, 'r', 'r.userId = u.id')
        .innerJoin('r.household', 'h')
        .innerJoin('h.community', 'c')
        .leftJoin(User, 's', 's.id = u.managedById')
        .where('u.managedById IS NOT NULL AND u.deletedAt IS NULL AND r.communityId IN (:...communityIds)', { communityIds });
      if (filter.id !== undefined) q.andWhere('u.id = :id', { id: filter.id });
      const total = await q.getCount();
      const rows = await q
        .select([
          'u.id AS id',
          'u.nickname AS name',
          'u.createdAt AS createdAt',
          's.nickname AS registeredBy',
          'h.id AS householdId',
          'h.communityId AS communityId',
          'c.name AS communityName',
          'h.building AS building',
          'h.unit AS unit',
          'h.room AS room',
        ])
        .orderBy('u.id', 'DESC')
        .offset(paging.offset)
        .limit(paging.limit)
        .getRawMany<ManagedRow>();
      return [rows.map((r) => ({ ...r, id: Number(r.id), householdId: Number(r.householdId), communityId: Number(r.communityId), createdAt: new Date(r.createdAt) })), total];
    });
  }

  async insertHandover(handover: Omit<ManagedHandover, 'id' | 'usedAt'>): Promise<void> {
    await this.db.run((em) => em.insert(ManagedHandover, { ...handover, usedAt: null }));
  }

  findHandover(codeHash: string): Promise<ManagedHandover | null> {
    return this.db.run((em) => em.findOneBy(ManagedHandover, { codeHash }));
  }

  /** Uses the code if it is still open: true for exactly one of any number of racing accepts. */
  async useHandover(id: number, now: Date): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(ManagedHandover)
        .set({ usedAt: now })
        .where('id = :id AND usedAt IS NULL AND expiresAt > :now', { id, now })
        .execute();
      return (result.affected ?? 0) === 1;
    });
  }

  /** Whether an account has anything of its own (a grant, a home, a claim, a sign-up), so must not be given up. */
  async accountInUse(userId: number): Promise<boolean> {
    return this.db.run(async (em) => {
      for (const entity of [RoleGrant, Residency, ResidencyClaim, Signup]) {
        if (await em.existsBy(entity, { userId } as never)) return true;
      }
      return false;
    });
  }

  /** Frees the WeChat login of the account that takes over: it is closed, its openid retired. */
  async retireAccount(userId: number, now: Date): Promise<void> {
    await this.db.run((em) => em.update(User, { id: userId }, { openid: `retired:${userId}`, unionid: null, deletedAt: now }));
  }

  /** Gives the managed account that WeChat login; false if it is no longer managed. */
  async takeOver(userId: number, login: { openid: string; unionid: string | null }): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(User)
        .set({ openid: login.openid, unionid: login.unionid, managedById: null })
        .where('id = :userId AND managedById IS NOT NULL AND deletedAt IS NULL', { userId })
        .execute();
      return (result.affected ?? 0) === 1;
    });
  }
}
