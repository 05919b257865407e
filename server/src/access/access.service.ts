import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';

/** What a caller may manage among activities: whole communities, and their own organisations' activities. */
export interface ActivityScope {
  /** Every activity here (committee staff of the community; street admin of its street). */
  communityIds: Set<number>;
  /** Organisation id → communities it serves, for organisations the caller is staff of. */
  organisations: Map<number, Set<number>>;
}

/**
 * Every scope decision in one place. Committee staff act in their community; a street admin in every
 * community of their street; organisation staff and social workers on their organisation's activities in the
 * communities that organisation is authorised to serve.
 */
@Injectable()
export class AccessService {
  constructor(private readonly communities: CommunitiesRepository) {}

  /** Communities whose residents this user may verify and whose census they may import. */
  async residentAdminCommunities(auth: AuthContext): Promise<Set<number>> {
    const ids = new Set<number>();
    for (const g of auth.grants) if (g.role === 'committee_staff' && g.communityId !== null) ids.add(g.communityId);
    const streetIds = auth.grants.filter((g) => g.role === 'street_admin' && g.streetId !== null).map((g) => g.streetId!);
    for (const id of await this.communities.communityIdsOfStreets(streetIds)) ids.add(id);
    return ids;
  }

  async assertResidentAdmin(auth: AuthContext, communityId: number): Promise<void> {
    if (!(await this.residentAdminCommunities(auth)).has(communityId)) throw new AppError('OUT_OF_SCOPE');
  }

  async activityScope(auth: AuthContext): Promise<ActivityScope> {
    const orgIds = auth.grants
      .filter((g) => (g.role === 'org_staff' || g.role === 'social_worker') && g.organisationId !== null)
      .map((g) => g.organisationId!);
    const organisations = new Map<number, Set<number>>(orgIds.map((id) => [id, new Set<number>()]));
    for (const link of await this.communities.communitiesServedBy(orgIds)) organisations.get(link.organisationId)!.add(link.communityId);
    return { communityIds: await this.residentAdminCommunities(auth), organisations };
  }

  /** Whether the caller manages an existing activity (edit, publish, cancel, attendees, staff check-in). */
  async canManageActivity(auth: AuthContext, activity: { communityId: number; organisationId: number | null }) {
    return inActivityScope(await this.activityScope(auth), activity);
  }

  async assertManagesActivity(auth: AuthContext, activity: { communityId: number; organisationId: number | null }) {
    if (!(await this.canManageActivity(auth, activity))) throw new AppError('OUT_OF_SCOPE');
  }

  /**
   * Creating: the committee (or street) organises in its communities; an organisation-organised activity needs
   * the caller to be staff of that organisation and the organisation to serve the community.
   */
  async assertMayOrganise(auth: AuthContext, communityId: number, organisationId: number | null): Promise<void> {
    const scope = await this.activityScope(auth);
    if (organisationId === null) {
      if (!scope.communityIds.has(communityId)) throw new AppError('OUT_OF_SCOPE');
      return;
    }
    const served = scope.organisations.get(organisationId);
    if (!served) throw new AppError('OUT_OF_SCOPE');
    if (!served.has(communityId)) throw new AppError('ORGANISATION_NOT_SERVING');
  }

  /** Whether the caller runs consultations in this community: its committee staff, or the street's admin. */
  async canManagePoll(auth: AuthContext, poll: { communityId: number }): Promise<boolean> {
    if (auth.grants.length === 0) return false;
    return (await this.residentAdminCommunities(auth)).has(poll.communityId);
  }

  /** Creating, editing, opening, closing, paper ballots, publishing and exporting a consultation. */
  async assertManagesPoll(auth: AuthContext, poll: { communityId: number }): Promise<void> {
    if (!(await this.canManagePoll(auth, poll))) throw new AppError('OUT_OF_SCOPE');
  }

  /**
   * Who writes an article in a community: its committee (or the street admin), else an organisation of the
   * caller that serves it. Returns that organisation's id (null: the committee); OUT_OF_SCOPE otherwise.
   */
  async articleAuthor(auth: AuthContext, communityId: number): Promise<number | null> {
    const scope = await this.activityScope(auth);
    if (scope.communityIds.has(communityId)) return null;
    for (const [organisationId, served] of scope.organisations) if (served.has(communityId)) return organisationId;
    throw new AppError('OUT_OF_SCOPE');
  }

  /** Editing, publishing and withdrawing an article: the same people who would manage an activity it organised. */
  async canManageArticle(auth: AuthContext, article: { communityId: number; organisationId: number | null }): Promise<boolean> {
    if (auth.grants.length === 0) return false;
    return this.canManageActivity(auth, article);
  }

  /** Streets the caller runs as street admin. */
  adminStreets(auth: AuthContext): Set<number> {
    return new Set(auth.grants.filter((g) => g.role === 'street_admin' && g.streetId !== null).map((g) => g.streetId!));
  }

  /**
   * The street a street admin acts in: the one named, which they must run, or else their only street.
   * Communities and organisations are created and changed by street admins alone.
   */
  streetToManage(auth: AuthContext, streetId?: number): number {
    const streets = this.adminStreets(auth);
    if (streetId !== undefined) {
      if (!streets.has(streetId)) throw new AppError('OUT_OF_SCOPE');
      return streetId;
    }
    if (streets.size === 0) throw new AppError('OUT_OF_SCOPE');
    return Math.min(...streets);
  }

  assertStreetAdmin(auth: AuthContext, streetId: number): void {
    if (!this.adminStreets(auth).has(streetId)) throw new AppError('OUT_OF_SCOPE');
  }

  /** Communities whose consultations (drafts included) the caller's staff list shows. */
  pollAdminCommunities(auth: AuthContext): Promise<Set<number>> {
    return this.residentAdminCommunities(auth);
  }

  /**
   * The communities a statistics overview counts: the one asked for, which must be the caller's (committee
   * staff of it, or street admin of its street), or else every community the caller administers.
   */
  async statsCommunities(auth: AuthContext, communityId?: number): Promise<number[]> {
    const mine = await this.residentAdminCommunities(auth);
    if (communityId !== undefined) {
      if (!mine.has(communityId)) throw new AppError('OUT_OF_SCOPE');
      return [communityId];
    }
    if (mine.size === 0) throw new AppError('OUT_OF_SCOPE');
    return [...mine].sort((a, b) => a - b);
  }
}

export function inActivityScope(scope: ActivityScope, activity: { communityId: number; organisationId: number | null }): boolean {
  if (scope.communityIds.has(activity.communityId)) return true;
  return activity.organisationId !== null && (scope.organisations.get(activity.organisationId)?.has(activity.communityId) ?? false);
}
