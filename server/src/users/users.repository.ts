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

  /** The user's grants, or null when the user no longer exists. */
  grantScopes(userId: number): Promise<GrantScope[] | null> {
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(User, 'u')
        .leftJoin(RoleGrant, 'g', 'g.userId = u.id')
        .select(['u.id AS uid', 'g.role AS role', 'g.streetId AS streetId'])
        .addSelect(['g.communityId AS communityId', 'g.organisationId AS organisationId'])
        .where('u.id = :userId', { userId })
        .getRawMany<{ uid: number; role: GrantScope['role'] | null } & Omit<GrantScope, 'role'>>();
      if (rows.length === 0) return null;
      return rows
        .filter((r) => r.role !== null)
        .map((r) => ({
          role: r.role!,
          streetId: r.streetId,
          communityId: r.communityId,
          organisationId: r.organisationId,
        }));
    });
  }

  grantsOf(userId: number): Promise<RoleGrant[]> {
    return this.db.run((em) => em.find(RoleGrant, { where: { userId }, order: { id: 'ASC' } }));
  }
}
