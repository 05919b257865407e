import { Injectable } from '@nestjs/common';
import type { ActivityDetail, ActivityListQuery, ActivitySummary, CreateActivity, Page, UpdateActivity } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';
import { Database } from '../database/database.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ResidentCommunities } from '../residency/resident-communities.js';
import { ActivitiesRepository, type ActivityFilter, type NewActivity } from './activities.repository.js';
import { ActivityListCache } from './activity-list-cache.js';
import { assertTimesInOrder } from './activity-rules.js';
import type { Activity } from './activity.entity.js';
import { audienceOf, questionsOf, toSummary } from './activity.mapper.js';
import { SignupsRepository } from './signups.repository.js';
import { randomCode } from './random-code.js';
import { SignupsService } from './signups.service.js';
import { WaitlistService } from './waitlist.service.js';

const WEEK_MS = 7 * 24 * 3600_000;
const TIME_FIELDS = ['startsAt', 'endsAt', 'signupOpensAt', 'signupClosesAt', 'cancelDeadline'] as const;

/** Creating, editing, publishing, cancelling and reading activities. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly db: Database,
    private readonly activities: ActivitiesRepository,
    private readonly signups: SignupsRepository,
    private readonly signupService: SignupsService,
    private readonly waitlist: WaitlistService,
    private readonly notifications: NotificationService,
    private readonly access: AccessService,
    private readonly communities: CommunitiesRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly listCache: ActivityListCache,
    private readonly residentCommunities: ResidentCommunities,
  ) {}

  async list(auth: AuthContext, query: ActivityListQuery): Promise<Page<ActivitySummary>> {
    const only = (ids: Iterable<number>) => [...ids].filter((id) => query.communityId === undefined || id === query.communityId);
    const filter: ActivityFilter = { ...query, now: this.clock.now() };
    if (query.manage) {
      const scope = await this.access.activityScope(auth);
      filter.managed = {
        communityIds: only(scope.communityIds),
        organisations: [...scope.organisations].map(([organisationId, served]) => ({ organisationId, communityIds: only(served) })),
      };
      return this.loadPage(filter, query);
    }
    filter.communityIds = query.communityId !== undefined ? [query.communityId] : await this.residentCommunities.of(auth.userId);
    // Residents of a community all see the same pages; staff views are personal and always read afresh.
    const key = JSON.stringify([filter.communityIds, query.range, query.category ?? null, query.page, query.pageSize]);
    return this.listCache.get(key, filter.now, () => this.loadPage(filter, query));
  }

  private async loadPage(filter: ActivityFilter, query: ActivityListQuery): Promise<Page<ActivitySummary>> {
    const [items, total] = await this.activities.page(filter);
    return { items: items.map((a) => toSummary(a, filter.now)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(auth: AuthContext, id: number): Promise<ActivityDetail> {
    return this.detail(auth, await this.signupService.visibleActivity(auth, id));
  }

  /** A draft, or a weekly series of drafts (each session with its own seats, sharing the first one's id). */
  async create(auth: AuthContext, input: CreateActivity): Promise<ActivityDetail> {
    if (!(await this.communities.findById(input.communityId))) throw new AppError('COMMUNITY_NOT_FOUND');
    await this.access.assertMayOrganise(auth, input.communityId, input.organisationId);
    const times = Object.fromEntries(TIME_FIELDS.map((f) => [f, new Date(input[f])])) as Record<(typeof TIME_FIELDS)[number], Date>;
    assertTimesInOrder(times);
    const now = this.clock.now();
    const firstId = await this.db.transaction(async () => {
      const ids: number[] = [];
      for (let i = 0; i < input.repeatWeekly; i++) {
        const shifted = Object.fromEntries(TIME_FIELDS.map((f) => [f, new Date(times[f].getTime() + i * WEEK_MS)]));
        ids.push(
          await this.activities.insert({
            ...columnsOf(input),
            ...shifted,
            communityId: input.communityId,
            organisationId: input.organisationId,
            seriesId: null,
            createdBy: auth.userId,
            status: 'draft',
            cancelReason: null,
            checkinToken: randomCode(),
            createdAt: now,
          } as NewActivity),
        );
      }
      if (ids.length > 1) await this.activities.setSeries(ids, ids[0]);
      await this.audit.append({
        actorId: auth.userId,
        action: 'activity.create',
        communityId: input.communityId,
        targetType: 'activity',
        targetId: ids[0],
        detail: { sessions: ids.length, title: input.title },
      });
      return ids[0];
    });
    return this.detail(auth, (await this.activities.findById(firstId))!);
  }

  /** Edits; residents holding or awaiting a place are told, and added seats go to the waitlist. */
  async update(auth: AuthContext, id: number, patch: UpdateActivity): Promise<ActivityDetail> {
    const activity = await this.managed(auth, id);
    if (activity.status === 'cancelled' || this.clock.now() >= activity.endsAt) throw new AppError('ACTIVITY_NOT_EDITABLE');
    const changes = columnsOf(patch);
    for (const f of TIME_FIELDS) if (patch[f] !== undefined) (changes as Record<string, unknown>)[f] = new Date(patch[f]);
    assertTimesInOrder({ ...activity, ...changes });
    await this.db.transaction(async () => {
      await this.activities.update(id, changes);
      await this.audit.append({
        actorId: auth.userId,
        action: 'activity.update',
        communityId: activity.communityId,
        targetType: 'activity',
        targetId: id,
        detail: { fields: Object.keys(changes) },
      });
      if (activity.status !== 'published') return;
      for (const s of await this.signups.awaiting(id)) {
        await this.notifications.notify(s.userId, 'activity_changed', {
          title: '活动信息有变化',
          body: `您报名的「${activity.title}」信息有更新，请查看最新的时间和地点。`,
          activityId: id,
        });
      }
      await this.waitlist.offerFreedSeatsWithin((await this.activities.findById(id))!);
    });
    return this.detail(auth, (await this.activities.findById(id))!);
  }

  /** Publishes a draft; publishing a series' first session publishes the whole series. */
  async publish(auth: AuthContext, id: number): Promise<ActivityDetail> {
    const activity = await this.managed(auth, id);
    await this.db.transaction(async () => {
      if (!(await this.activities.transition(id, ['draft'], { status: 'published' }))) {
        throw new AppError(activity.status === 'cancelled' ? 'ACTIVITY_CANCELLED' : 'ACTIVITY_ALREADY_PUBLISHED');
      }
      if (activity.seriesId === id) await this.activities.publishDraftsOfSeries(id);
      await this.audit.append({
        actorId: auth.userId,
        action: 'activity.publish',
        communityId: activity.communityId,
        targetType: 'activity',
        targetId: id,
      });
    });
    return this.detail(auth, (await this.activities.findById(id))!);
  }

  async cancel(auth: AuthContext, id: number, reason: string): Promise<ActivityDetail> {
    const activity = await this.managed(auth, id);
    if (this.clock.now() >= activity.endsAt) throw new AppError('ACTIVITY_ENDED');
    await this.db.transaction(async () => {
      if (!(await this.activities.transition(id, ['draft', 'published'], { status: 'cancelled', cancelReason: reason }))) {
        throw new AppError('ACTIVITY_CANCELLED');
      }
      for (const s of await this.signups.awaiting(id)) {
        await this.notifications.notify(s.userId, 'activity_cancelled', {
          title: '活动已取消',
          body: `很抱歉，「${activity.title}」已取消。原因：${reason}`,
          activityId: id,
        });
      }
      await this.audit.append({
        actorId: auth.userId,
        action: 'activity.cancel',
        communityId: activity.communityId,
        targetType: 'activity',
        targetId: id,
        detail: { reason },
      });
    });
    return this.detail(auth, (await this.activities.findById(id))!);
  }

  private async managed(auth: AuthContext, id: number): Promise<Activity> {
    const activity = await this.activities.findById(id);
    if (!activity) throw new AppError('ACTIVITY_NOT_FOUND');
    await this.access.assertManagesActivity(auth, activity);
    return activity;
  }

  private async detail(auth: AuthContext, a: Activity): Promise<ActivityDetail> {
    const canManage = await this.access.canManageActivity(auth, a);
    const mySignups = await this.signupService.liveOf(auth.userId, a.id);
    return {
      ...toSummary(a, this.clock.now()),
      description: a.description,
      cancelDeadline: a.cancelDeadline.toISOString(),
      audience: audienceOf(a),
      questions: questionsOf(a),
      companionsAllowed: a.companionsAllowed,
      waitlistEnabled: a.waitlistEnabled === 1,
      offerHoldMinutes: a.offerHoldMinutes,
      cancelReason: a.cancelReason,
      mySignups,
      eligibility: await this.signupService.eligibility(auth.userId, a, mySignups),
      checkinToken: canManage ? a.checkinToken : null,
      canManage,
    };
  }
}

const PLAIN_FIELDS = ['title', 'category', 'coverUrl', 'description', 'place', 'seats', 'volunteerSlots', 'companionsAllowed', 'offerHoldMinutes'] as const;

/** The non-time columns of a create or update input, JSON-encoded where stored as text. */
function columnsOf(input: UpdateActivity): Partial<NewActivity> {
  const out: Record<string, unknown> = {};
  for (const f of PLAIN_FIELDS) if (input[f] !== undefined) out[f] = input[f];
  if (input.audience !== undefined) out.audience = JSON.stringify(input.audience);
  if (input.questions !== undefined) out.questions = JSON.stringify(input.questions);
  if (input.waitlistEnabled !== undefined) out.waitlistEnabled = input.waitlistEnabled ? 1 : 0;
  return out as Partial<NewActivity>;
}
