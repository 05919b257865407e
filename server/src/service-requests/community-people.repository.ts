import { Injectable } from '@nestjs/common';
import type { OrganisationType } from '@linli/shared';
import { In } from 'typeorm';
import { Community } from '../communities/community.entity.js';
import { Household } from '../communities/household.entity.js';
import { OrganisationCommunity } from '../communities/organisation-community.entity.js';
import { Organisation } from '../communities/organisation.entity.js';
import { Database } from '../database/database.js';
import { Residency } from '../residency/residency.entity.js';
import { RoleGrant } from '../users/role-grant.entity.js';
import { User } from '../users/user.entity.js';

/** Roles that act for their organisation on a request or a wish. */
const ORGANISATION_ROLES = ['org_staff', 'social_worker', 'team_leader'] as const;

/** The people, households and organisations of a community, as help requests and wishes need them. */
@Injectable()
export class CommunityPeopleRepository {
  constructor(private readonly db: Database) {}

  findHousehold(id: number): Promise<Household | null> {
    return this.db.run((em) => em.findOneBy(Household, { id }));
  }

  async isResident(userId: number, householdId: number): Promise<boolean> {
    return this.db.run((em) => em.existsBy(Residency, { userId, householdId }));
  }

  async isResidentOfCommunity(userId: number, communityId: number): Promise<boolean> {
    return this.db.run((em) => em.existsBy(Residency, { userId, communityId }));
  }

  async householdsOf(userId: number): Promise<number[]> {
    return (await this.db.run((em) => em.findBy(Residency, { userId }))).map((r) => r.householdId);
  }

  async communitiesOf(userId: number): Promise<number[]> {
    return [...new Set((await this.db.run((em) => em.findBy(Residency, { userId }))).map((r) => r.communityId))];
  }

  async residentsOf(householdId: number): Promise<number[]> {
    return (await this.db.run((em) => em.findBy(Residency, { householdId }))).map((r) => r.userId);
  }

  /**
   * Whether the user works in the community: its committee staff, the admin of its street, or staff of an
   * organisation (not suspended) that serves it.
   */
  async isStaffOf(userId: number, communityId: number): Promise<boolean> {
    const [community, grants] = await this.db.run((em) => Promise.all([em.findOneBy(Community, { id: communityId }), em.findBy(RoleGrant, { userId })]));
    if (!community) return false;
    if (grants.some((g) => (g.role === 'committee_staff' && g.communityId === communityId) || (g.role === 'street_admin' && g.streetId === community.streetId))) {
      return true;
    }
    const organisationIds = grants.filter((g) => g.organisationId !== null && (g.role === 'org_staff' || g.role === 'social_worker')).map((g) => g.organisationId!);
    if (organisationIds.length === 0) return false;
    return (await this.servingOrganisations(organisationIds, communityId)).length > 0;
  }

  /** The organisation when it serves the community and is not suspended; null otherwise. */
  async servingOrganisation(organisationId: number, communityId: number): Promise<Organisation | null> {
    return (await this.servingOrganisations([organisationId], communityId))[0] ?? null;
  }

  private servingOrganisations(organisationIds: number[], communityId: number): Promise<Organisation[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(Organisation, 'o')
        .innerJoin(OrganisationCommunity, 'oc', 'oc.organisationId = o.id AND oc.communityId = :communityId', { communityId })
        .where('o.id IN (:...organisationIds)', { organisationIds })
        .andWhere('o.suspendedAt IS NULL')
        .getMany(),
    );
  }

  /** People who act for an organisation: its staff, social workers and team leaders. */
  async organisationMembers(organisationId: number): Promise<number[]> {
    const grants = await this.db.run((em) => em.findBy(RoleGrant, { organisationId, role: In([...ORGANISATION_ROLES]) }));
    return [...new Set(grants.map((g) => g.userId))];
  }

  async userExists(userId: number): Promise<boolean> {
    return this.db.run((em) => em.existsBy(User, { id: userId }));
  }

  async userNames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.db.run((em) => em.findBy(User, { id: In([...new Set(ids)]) }));
    return new Map(users.map((u) => [u.id, u.nickname]));
  }

  async organisations(ids: number[]): Promise<Map<number, { name: string; type: OrganisationType }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.run((em) => em.findBy(Organisation, { id: In([...new Set(ids)]) }));
    return new Map(rows.map((o) => [o.id, { name: o.name, type: o.type }]));
  }

  async communityNames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.run((em) => em.findBy(Community, { id: In([...new Set(ids)]) }));
    return new Map(rows.map((c) => [c.id, c.name]));
  }

  async householdLabels(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.run((em) => em.findBy(Household, { id: In([...new Set(ids)]) }));
    return new Map(rows.map((h) => [h.id, `${h.building}${h.unit}${h.room}`]));
  }
}

/** Organisations the caller acts for (staff, social worker, team leader). */
export function memberOrganisations(grants: { role: string; organisationId: number | null }[]): number[] {
  return grants.filter((g) => g.organisationId !== null && (ORGANISATION_ROLES as readonly string[]).includes(g.role)).map((g) => g.organisationId!);
}
