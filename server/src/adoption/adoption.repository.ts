import { Injectable } from '@nestjs/common';
import { ROLE_SCOPE, type InvitableRole, type OrganisationType, type Role } from '@linli/shared';
import { Community } from '../communities/community.entity.js';
import { OrganisationCommunity } from '../communities/organisation-community.entity.js';
import { Organisation } from '../communities/organisation.entity.js';
import { Street } from '../communities/street.entity.js';
import { Database } from '../database/database.js';
import { RoleGrant } from '../users/role-grant.entity.js';
import { Invite } from './invite.entity.js';

/** A street, community or organisation a role can be held in, with what the rules need to know of it. */
export interface ScopeTarget {
  kind: 'street' | 'community' | 'organisation';
  id: number;
  name: string;
  streetId: number;
  streetName: string;
  organisationType: OrganisationType | null;
  /** Communities an organisation is authorised to serve (empty otherwise). */
  servedCommunityIds: number[];
}

export interface GrantRow {
  id: number;
  userId: number;
  nickname: string;
  role: Role;
  streetId: number | null;
  communityId: number | null;
  organisationId: number | null;
  scopeName: string | null;
  streetName: string | null;
}

/** Whose grants a caller may list: grants held in these streets, communities or organisations. */
export interface GrantVisibility {
  streetIds: number[];
  communityIds: number[];
  organisationIds: number[];
}

const GRANT_SELECT =
  'SELECT g.`id` AS id, g.`userId` AS userId, u.`nickname` AS nickname, g.`role` AS role, g.`streetId` AS streetId, ' +
  'g.`communityId` AS communityId, g.`organisationId` AS organisationId, COALESCE(c.`name`, o.`name`, s.`name`) AS scopeName, ' +
  'COALESCE(s.`name`, cs.`name`, os.`name`) AS streetName ' +
  'FROM `role_grant` g JOIN `app_user` u ON u.`id` = g.`userId` ' +
  'LEFT JOIN `street` s ON s.`id` = g.`streetId` ' +
  'LEFT JOIN `community` c ON c.`id` = g.`communityId` LEFT JOIN `street` cs ON cs.`id` = c.`streetId` ' +
  'LEFT JOIN `organisation` o ON o.`id` = g.`organisationId` LEFT JOIN `street` os ON os.`id` = o.`streetId` ';

/** Invites and role grants: the only code that writes either table. */
@Injectable()
export class AdoptionRepository {
  constructor(private readonly db: Database) {}

  findStreetByName(name: string): Promise<Street | null> {
    return this.db.run((em) => em.findOneBy(Street, { name }));
  }

  /** Creates the street unless it exists (two setups racing both end with the one street). */
  async ensureStreet(name: string): Promise<{ street: Street; created: boolean }> {
    const before = await this.findStreetByName(name);
    if (before) return { street: before, created: false };
    await this.db.run((em) => em.createQueryBuilder().insert().into(Street).values({ name }).orIgnore().updateEntity(false).execute());
    return { street: (await this.findStreetByName(name))!, created: true };
  }

  async scopeTarget(kind: 'street' | 'community' | 'organisation', id: number): Promise<ScopeTarget | null> {
    return this.db.run(async (em) => {
      if (kind === 'street') {
        const street = await em.findOneBy(Street, { id });
        return street && { kind, id, name: street.name, streetId: id, streetName: street.name, organisationType: null, servedCommunityIds: [] };
      }
      if (kind === 'community') {
        const community = await em.findOne(Community, { where: { id }, relations: { street: true } });
        return (
          community && {
            kind,
            id,
            name: community.name,
            streetId: community.streetId,
            streetName: community.street.name,
            organisationType: null,
            servedCommunityIds: [],
          }
        );
      }
      const organisation = await em.findOne(Organisation, { where: { id }, relations: { street: true } });
      if (!organisation) return null;
      const links = await em.find(OrganisationCommunity, { where: { organisationId: id } });
      return {
        kind,
        id,
        name: organisation.name,
        streetId: organisation.streetId,
        streetName: organisation.street.name,
        organisationType: organisation.type,
        servedCommunityIds: links.map((l) => l.communityId),
      };
    });
  }

  /** Organisations serving any of these communities. */
  organisationsServing(communityIds: number[]): Promise<number[]> {
    if (communityIds.length === 0) return Promise.resolve([]);
    return this.db.run(async (em) =>
      [...new Set((await em.createQueryBuilder(OrganisationCommunity, 'l').where('l.communityId IN (:...communityIds)', { communityIds }).getMany()).map((l) => l.organisationId))],
    );
  }

  /** Inserts an invite; a code already taken throws a unique violation (the caller draws another). */
  async insertInvite(invite: Omit<Invite, 'id' | 'acceptedAt' | 'acceptedBy'>): Promise<number> {
    return this.db.run(async (em) => (await em.insert(Invite, { ...invite, acceptedAt: null, acceptedBy: null })).identifiers[0].id as number);
  }

  findInvite(code: string): Promise<(Invite & { inviterName: string | null }) | null> {
    return this.db.run(async (em) => {
      const { entities, raw } = await em
        .createQueryBuilder(Invite, 'i')
        .leftJoin('app_user', 'u', 'u.id = i.inviterId')
        .addSelect('u.nickname', 'inviterName')
        .where('i.code = :code', { code })
        .getRawAndEntities<{ inviterName: string | null }>();
      return entities[0] ? Object.assign(entities[0], { inviterName: raw[0].inviterName }) : null;
    });
  }

  /** Takes the invite for this user if it is still open: true for exactly one of any number of racing accepts. */
  async takeInvite(id: number, userId: number, now: Date): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(Invite)
        .set({ acceptedAt: now, acceptedBy: userId })
        .where('id = :id AND acceptedAt IS NULL AND expiresAt > :now', { id, now })
        .execute();
      return (result.affected ?? 0) === 1;
    });
  }

  /** Creates the grant, or finds it when the user already holds it (the unique key decides). */
  async grant(userId: number, role: InvitableRole, scope: Pick<Invite, 'streetId' | 'communityId' | 'organisationId'>): Promise<number> {
    const kind = ROLE_SCOPE[role];
    const row = {
      userId,
      role,
      streetId: kind === 'street' ? scope.streetId : null,
      communityId: kind === 'community' ? scope.communityId : null,
      organisationId: kind === 'organisation' ? scope.organisationId : null,
    };
    const scopeKey = `${kind}:${row.streetId ?? row.communityId ?? row.organisationId}`;
    return this.db.run(async (em) => {
      await em.createQueryBuilder().insert().into(RoleGrant).values({ ...row, scopeKey }).orIgnore().updateEntity(false).execute();
      return (await em.findOneByOrFail(RoleGrant, { userId, role, scopeKey })).id;
    });
  }

  async findGrant(id: number): Promise<GrantRow | null> {
    return (await this.db.rawQuery<GrantRow>(`${GRANT_SELECT}WHERE g.\`id\` = ?`, [id])).map(numeric)[0] ?? null;
  }

  /** Street admins of a street hold a street-scoped grant; the count is what "last admin" is about. */
  streetAdminCount(streetId: number): Promise<number> {
    return this.db.run((em) => em.countBy(RoleGrant, { role: 'street_admin', streetId }));
  }

  /**
   * Locks the street's row until the transaction ends: revoking a street admin and counting the remaining ones
   * happen one at a time per street, so two admins revoking each other cannot leave the street with none.
   */
  async lockStreet(streetId: number): Promise<void> {
    if (this.db.kind !== 'mysql') return; // SQLite runs one transaction at a time.
    await this.db.run((em) => em.query('SELECT `id` FROM `street` WHERE `id` = ? FOR UPDATE', [streetId]));
  }

  async deleteGrant(id: number): Promise<boolean> {
    return this.db.run(async (em) => ((await em.delete(RoleGrant, { id })).affected ?? 0) === 1);
  }

  async grantPage(visible: GrantVisibility, filter: { role?: Role }, page: { offset: number; limit: number }): Promise<[GrantRow[], number]> {
    const scope: string[] = [];
    const params: unknown[] = [];
    const inList = (column: string, ids: number[]) => {
      if (ids.length === 0) return;
      scope.push(`${column} IN (${ids.map(() => '?').join(',')})`);
      params.push(...ids);
    };
    inList('g.`streetId`', visible.streetIds);
    inList('c.`streetId`', visible.streetIds);
    inList('o.`streetId`', visible.streetIds);
    inList('g.`communityId`', visible.communityIds);
    inList('g.`organisationId`', visible.organisationIds);
    if (scope.length === 0) return [[], 0];
    let where = `WHERE (${scope.join(' OR ')})`;
    if (filter.role) {
      where += ' AND g.`role` = ?';
      params.push(filter.role);
    }
    const [{ total }] = await this.db.rawQuery<{ total: number | string }>(
      `SELECT COUNT(*) AS total FROM \`role_grant\` g LEFT JOIN \`community\` c ON c.\`id\` = g.\`communityId\` ` +
        `LEFT JOIN \`organisation\` o ON o.\`id\` = g.\`organisationId\` ${where}`,
      params,
    );
    const rows = await this.db.rawQuery<GrantRow>(`${GRANT_SELECT}${where} ORDER BY g.\`id\` LIMIT ? OFFSET ?`, [...params, page.limit, page.offset]);
    return [rows.map(numeric), Number(total)];
  }
}

/** mysql2 answers ints as numbers, but COUNT and friends vary by driver: make them numbers. */
function numeric(row: GrantRow): GrantRow {
  return { ...row, id: Number(row.id), userId: Number(row.userId) };
}
