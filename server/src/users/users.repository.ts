import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import type { GrantScope } from '../auth/auth-context.js';
import { RoleGrant } from './role-grant.entity.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  findById(id: number): Promise<User | null> {
    return this.db.run((em) => em.findOneBy(User, { id }));
  }

  findByOpenid(openid: string): Promise<User | null> {
    return this.db.run((em) => em.findOneBy(User, { openid }));
  }

  /** A nickname that passed the check: shown at once, and any held one is dropped. */
  async setNickname(id: number, nickname: string): Promise<void> {
    await this.db.run((em) => em.update(User, { id }, { nickname, pendingNickname: null }));
  }

  /** A nickname held for review; the current one stays until staff decide. */
  async holdNickname(id: number, pendingNickname: string): Promise<void> {
    await this.db.run((em) => em.update(User, { id }, { pendingNickname }));
  }

  async setPhone(id: number, phone: string | null): Promise<void> {
    await this.db.run((em) => em.update(User, { id }, { phone }));
  }

  /** Finds the user with this openid or creates them; safe when the same person logs in twice at once. */
  findOrCreate(openid: string, defaults: Pick<User, 'nickname' | 'unionid'>): Promise<User> {
    return this.db.run(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({ openid, ...defaults, avatarUrl: null, birthYear: null, createdAt: new Date() })
        .orIgnore()
        .updateEntity(false)
        .execute();
      return em.findOneByOrFail(User, { openid });
    });
  }

  /** The user's grants, or null when the user no longer exists or deleted the account. */
  async grantScopes(userId: number): Promise<GrantScope[] | null> {
    // Plain SQL: the auth guard's one query, on every cache miss.
    const rows = await this.db.rawQuery<{ uid: number; role: GrantScope['role'] | null } & Omit<GrantScope, 'role'>>(
      'SELECT u.`id` AS uid, g.`role` AS role, g.`streetId` AS streetId, g.`communityId` AS communityId, g.`organisationId` AS organisationId ' +
        'FROM `app_user` u LEFT JOIN `role_grant` g ON g.`userId` = u.`id` WHERE u.`id` = ? AND u.`deletedAt` IS NULL',
      [userId],
    );
    if (rows.length === 0) return null;
    return rows
      .filter((r) => r.role !== null)
      .map((r) => ({
        role: r.role!,
        streetId: r.streetId,
        communityId: r.communityId,
        organisationId: r.organisationId,
      }));
  }

  grantsOf(userId: number): Promise<RoleGrant[]> {
    return this.db.run((em) => em.find(RoleGrant, { where: { userId }, order: { id: 'ASC' } }));
  }
}
