import { Inject, Injectable } from '@nestjs/common';
import {
  ACTIVITY_TIME_FIELDS,
  DATE_WINDOW_MESSAGE,
  formatMoment,
  inDateWindow,
  WEEK_MS,
  type ActivityDetail,
  type ActivityListQuery,
  type ActivitySummary,
  type CreateActivity,
  type Page,
  type UpdateActivity,
} from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Database } from '../database/database.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ResidentCommunities } from '../residency/resident-communities.js';
import { ActivitiesRepository, type ActivityFilter, type NewActivity } from './activities.repository.js';
import { ActivityListCache } from './activity-list-cache.js';
import { assertTimesInOrder, remindAtOf, timesInOrder } from './activity-rules.js';
import type { Activity } from './activity.entity.js';
import { audienceOf, questionsOf, toSummary } from './activity.mapper.js';
import { SignupsRepository } from './signups.repository.js';
import { randomCode } from './random-code.js';
import { SignupsService } from './signups.service.js';
import { OwnImages } from '../uploads/own-images.js';
import { WaitlistService } from './waitlist.service.js';

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
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'reminderHours'>,
    private readonly images: OwnImages,
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
    return this.listCache.get(key, filter.communityIds, filter.now, () => this.loadPage(filter, query));
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
    await this.images.assertOwn(input.coverUrl);
    const times = Object.fromEntries(ACTIVITY_TIME_FIELDS.map((f) => [f, new Date(input[f])])) as Record<(typeof ACTIVITY_TIME_FIELDS)[number], Date>;
    assertTimesInOrder(times);
    const now = this.clock.now();
    const firstId = await this.db.transaction(async () => {
      const ids: number[] = [];
      for (let i = 0; i < input.repeatWeekly; i++) {
        const shifted = Object.fromEntries(ACTIVITY_TIME_FIELDS.map((f) => [f, new Date(times[f].getTime() + i * WEEK_MS)])) as typeof times;
        const reminderMinutes = input.reminderMinutes ?? this.config.reminderHours * 60;
        ids.push(
          await this.activities.insert({
            ...columnsOf(input),
            ...shifted,
            reminderMinutes,
            remindAt: remindAtOf(shifted.startsAt, reminderMinutes),
            communityId: input.communityId,
            organisationId: input.organisationId,
            seriesId: null,
            createdBy: auth.userId,
            status: 'draft',
            cancelReason: null,
            publishedAt: null,
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

  /**
   * Edits one session, or with scope 'following' also every later session of its series that is neither
   * cancelled nor finished. Later sessions take the same plain values, but their times move by the amount this
   * session's did (start 14:00 → 15:00 moves each later start an hour, a day later moves each a day): each
   * session keeps its own date, and any session edited on its own keeps its own offset. Sessions are changed
   * all or none; residents holding or awaiting a place in a changed session are told, and added seats go to
   * its waitlist.
   */
  async update(auth: AuthContext, id: number, input: UpdateActivity): Promise<ActivityDetail> {
    const { scope, ...patch } = input;
    const activity = await this.managed(auth, id);
    const now = this.clock.now();
    if (activity.status === 'cancelled' || now >= activity.endsAt) throw new AppError('ACTIVITY_NOT_EDITABLE');
    await this.images.assertOwn(patch.coverUrl);
    const plain = columnsOf(patch);
    const moves = ACTIVITY_TIME_FIELDS.filter((f) => patch[f] !== undefined).map((f) => ({ field: f, by: Date.parse(patch[f]!) - activity[f].getTime() }));
    const later = scope === 'following' && activity.seriesId !== null ? await this.activities.laterInSeries(activity.seriesId, activity.startsAt, now) : [];

    const edits: { session: Activity; changes: Partial<NewActivity> }[] = [];
    for (const session of [activity, ...later]) {
      const next: Partial<NewActivity> = { ...plain };
      for (const { field, by } of moves) next[field] = new Date(session[field].getTime() + by);
      // A later session moves with this one and may leave the date window that the input itself kept to.
      const outside = moves.find(({ field }) => !inDateWindow(next[field]!));
      if (outside) {
        const which = session === activity ? '' : `${formatMoment(session.startsAt)} 那一次改完后`;
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: `body.${outside.field}`, message: `${which}${DATE_WINDOW_MESSAGE}` }] });
      }
      if (next.startsAt !== undefined || next.reminderMinutes !== undefined) {
        next.remindAt = remindAtOf(next.startsAt ?? session.startsAt, next.reminderMinutes ?? session.reminderMinutes);
      }
      const times = { ...session, ...next };
      if (!timesInOrder(times)) {
        throw new AppError('ACTIVITY_TIMES_INVALID', {
          message: session === activity ? undefined : `${formatMoment(session.startsAt)} 那一次改完后时间先后不对，请先单独修改那一次，或只改这一次`,
        });
      }
      const changes = changedColumns(session, next);
      if (Object.keys(changes).length) edits.push({ session, changes });
    }

    await this.db.transaction(async () => {
      for (const { session, changes } of edits) {
        if (!(await this.activities.updateEditable(session.id, changes))) throw await this.whyNotEditable(session.id, changes, session !== activity);
        await this.audit.append({
          actorId: auth.userId,
          action: 'activity.update',
          communityId: session.communityId,
          targetType: 'activity',
          targetId: session.id,
          detail: { fields: Object.keys(changes), ...(session !== activity && { from: id }) },
        });
        if (session.status !== 'published') continue;
        const updated = (await this.activities.findById(session.id))!;
        const when = updated.seriesId === null ? '' : `（${formatMoment(updated.startsAt)} 那一次）`;
        for (const userId of uniqueUsers(await this.signups.awaiting(session.id))) {
          await this.notifications.notify(userId, 'activity_changed', {
            title: '活动信息有变化',
            body: `您报名的「${updated.title}」${when}信息有更新，请查看最新的时间和地点。`,
            activityId: session.id,
          });
        }
        await this.waitlist.offerFreedSeatsWithin(updated);
      }
    });
    return this.detail(auth, (await this.activities.findById(id))!);
  }

  /** Why a session's conditional update matched nothing, in words for the staff member (`other`: not the one being edited). */
  private async whyNotEditable(id: number, changes: Partial<NewActivity>, other: boolean): Promise<AppError> {
    const a = (await this.activities.findById(id))!;
    const which = other ? `${formatMoment(a.startsAt)} 那一次` : '';
    if (changes.seats !== undefined && a.seatsTaken > changes.seats) {
      return new AppError('CAPACITY_BELOW_TAKEN', { message: `${which}已有 ${a.seatsTaken} 人报上名，名额不能少于 ${a.seatsTaken}` });
    }
    if (changes.volunteerSlots !== undefined && a.volunteersTaken > changes.volunteerSlots) {
      return new AppError('CAPACITY_BELOW_TAKEN', {
        message: `${which}已有 ${a.volunteersTaken} 位志愿者报上名，志愿者名额不能少于 ${a.volunteersTaken}`,
      });
    }
    return new AppError('ACTIVITY_NOT_EDITABLE');
  }

  /** Publishes a draft; publishing a series' first session publishes the whole series. */
  async publish(auth: AuthContext, id: number): Promise<ActivityDetail> {
    const activity = await this.managed(auth, id);
    await this.db.transaction(async () => {
      const now = this.clock.now();
      if (!(await this.activities.transition(id, ['draft'], { status: 'published', publishedAt: now }))) {
        throw new AppError(activity.status === 'cancelled' ? 'ACTIVITY_CANCELLED' : 'ACTIVITY_ALREADY_PUBLISHED');
      }
      if (activity.seriesId === id) await this.activities.publishDraftsOfSeries(id, now);
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

  /**
   * Cancels in one transaction: every sign-up holding or awaiting a place ends as 活动已取消 and leaves the unique
   * key, the counters drop to what is still held (only check-ins already made), and each resident affected is
   * told once. Nothing is left for the sweeper: it only looks at offered and confirmed sign-ups.
   */
  async cancel(auth: AuthContext, id: number, reason: string): Promise<ActivityDetail> {
    const activity = await this.managed(auth, id);
    if (this.clock.now() >= activity.endsAt) throw new AppError('ACTIVITY_ENDED');
    await this.db.transaction(async () => {
      // Also the lock that orders this against sign-ups, whose counter UPDATEs need the same row.
      if (!(await this.activities.transition(id, ['draft', 'published'], { status: 'cancelled', cancelReason: reason }))) {
        throw new AppError('ACTIVITY_CANCELLED');
      }
      const ended = await this.signups.endForCancelledActivity(id);
      const held = await this.signups.held(id);
      await this.activities.setCounters(id, { seatsTaken: held.seats, volunteersTaken: held.volunteers, waitlistCount: 0 });
      for (const userId of uniqueUsers(ended)) {
        await this.notifications.notify(userId, 'activity_cancelled', {
          title: '活动已取消',
          body: `很抱歉，「${activity.title}」已取消，您不用去了。原因：${reason}`,
          activityId: id,
        });
      }
      await this.audit.append({
        actorId: auth.userId,
        action: 'activity.cancel',
        communityId: activity.communityId,
        targetType: 'activity',
        targetId: id,
        detail: { reason, signupsEnded: ended.length },
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
      reminderMinutes: a.reminderMinutes,
      cancelReason: a.cancelReason,
      mySignups,
      eligibility: await this.signupService.eligibility(auth.userId, a, mySignups),
      checkinToken: canManage ? a.checkinToken : null,
      canManage,
    };
  }
}

const PLAIN_FIELDS = ['title', 'category', 'coverUrl', 'description', 'place', 'seats', 'volunteerSlots', 'companionsAllowed', 'offerHoldMinutes', 'reminderMinutes'] as const;

/** The non-time columns of a create or update input, JSON-encoded where stored as text. */
function columnsOf(input: Omit<UpdateActivity, 'scope'>): Partial<NewActivity> {
  const out: Record<string, unknown> = {};
  for (const f of PLAIN_FIELDS) if (input[f] !== undefined) out[f] = input[f];
  if (input.audience !== undefined) out.audience = JSON.stringify(input.audience);
  if (input.questions !== undefined) out.questions = JSON.stringify(input.questions);
  if (input.waitlistEnabled !== undefined) out.waitlistEnabled = input.waitlistEnabled ? 1 : 0;
  return out as Partial<NewActivity>;
}

/** Only the columns whose value would actually change (times compared as instants). */
function changedColumns(session: Activity, next: Partial<NewActivity>): Partial<NewActivity> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const current = (session as unknown as Record<string, unknown>)[key];
    const same = value instanceof Date && current instanceof Date ? value.getTime() === current.getTime() : value === current;
    if (!same) changed[key] = value;
  }
  return changed as Partial<NewActivity>;
}

/** Each user once, though they may hold a participant and a volunteer sign-up. */
function uniqueUsers(signups: { userId: number }[]): number[] {
  return [...new Set(signups.map((s) => s.userId))];
}
