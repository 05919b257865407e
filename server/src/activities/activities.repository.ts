import { Injectable } from '@nestjs/common';
import type { ActivityCategory, ActivityStatus, SignupRole } from '@linli/shared';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { CacheInvalidator, cacheScope } from '../common/cache-invalidator.js';
import { Database } from '../database/database.js';
import { StatsMonthWriter } from '../stats/stats-month-writer.js';
import { shownToResidentsSql } from './activity-rules.js';
import { Activity } from './activity.entity.js';

export type NewActivity = Omit<Activity, 'id' | 'community' | 'organisation' | 'seatsTaken' | 'volunteersTaken' | 'waitlistCount'>;

export interface ActivityFilter {
  /** Residents' view: these communities, what was never published hidden. */
  communityIds?: number[];
  /** Staff view: what they manage, drafts included. */
  managed?: { communityIds: number[]; organisations: { organisationId: number; communityIds: number[] }[] };
  category?: ActivityCategory;
  range: 'upcoming' | 'week' | 'past' | 'all';
  now: Date;
  page: number;
  pageSize: number;
}

const WEEK_MS = 7 * 24 * 3600_000;

/**
 * The activity rows and their counters. Counter changes are conditional UPDATEs: `false` means nothing changed.
 * Every other write goes through `write`, which marks the changed activities' communities for the caches once it
 * commits (CacheInvalidator); counters ride the caches' TTL.
 */
@Injectable()
export class ActivitiesRepository {
  private readonly summary: StatsMonthWriter;

  constructor(
    private readonly db: Database,
    private readonly invalidator: CacheInvalidator,
  ) {
    this.summary = new StatsMonthWriter(db);
  }

  /**
   * Runs `work`, which answers the rows it changed: when it changed any, their communities' cached pages are read
   * afresh once the transaction commits. Nothing is marked for a write that matched nothing or rolled back.
   */
  private write(work: (em: EntityManager) => Promise<{ where: 'id' | 'seriesId'; ids: number[] } | null>): Promise<boolean> {
    return this.db.run(async (em) => {
      const changed = await work(em);
      if (!changed || changed.ids.length === 0) return false;
      const rows: { communityId: number | string }[] = await em.query(
        `SELECT DISTINCT \`communityId\` FROM \`activity\` WHERE \`${changed.where}\` IN (${changed.ids.map(() => '?').join(', ')})`,
        changed.ids,
      );
      this.invalidator.changed(...rows.map((r) => cacheScope.activities(Number(r.communityId))));
      return true;
    });
  }

  /** One row by id, when the statement changed it. */
  private static row(id: number, affected: number | undefined): { where: 'id'; ids: number[] } | null {
    return affected ? { where: 'id', ids: [id] } : null;
  }

  async insert(activity: NewActivity): Promise<number> {
    return this.db.run(async (em) => {
      const result = await em.insert(Activity, { ...activity, seatsTaken: 0, volunteersTaken: 0, waitlistCount: 0 });
      this.invalidator.changed(cacheScope.activities(activity.communityId));
      return result.identifiers[0].id as number;
    });
  }

  async setSeries(ids: number[], seriesId: number): Promise<void> {
    await this.write(async (em) => {
      const result = await em.createQueryBuilder().update(Activity).set({ seriesId }).whereInIds(ids).execute();
      return result.affected ? { where: 'id', ids } : null;
    });
  }

  findById(id: number): Promise<Activity | null> {
    return this.db.run((em) => em.findOne(Activity, { where: { id }, relations: { community: true, organisation: true } }));
  }

  /**
   * What a sign-up needs to know, in one round trip: the activity row (no relations) and the caller's live
   * sign-up in that role, if any. The sign-up rush spends most of its time here, so nothing else is loaded.
   */
  findForSignup(id: number, userId: number, role: SignupRole): Promise<{ activity: Activity; liveSignupId: number | null } | null> {
    return this.db
      .rows(
        Activity,
        'SELECT a.*, (SELECT s.`id` FROM `signup` s WHERE s.`activityId` = a.`id` AND s.`userId` = ? AND s.`role` = ? AND s.`active` = 1) AS liveSignupId ' +
          'FROM `activity` a WHERE a.`id` = ?',
        [userId, role, id],
      )
      .then(([row]) => (row ? { activity: row, liveSignupId: row.liveSignupId === null || row.liveSignupId === undefined ? null : Number(row.liveSignupId) } : null));
  }

  findByIds(ids: number[]): Promise<Activity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.run((em) =>
      em.createQueryBuilder(Activity, 'a').leftJoinAndSelect('a.community', 'c').leftJoinAndSelect('a.organisation', 'o').whereInIds(ids).getMany(),
    );
  }

  /**
   * One page and the total in a single round trip: the joins are many-to-one, so LIMIT counts activities, and
   * COUNT(*) OVER () (MySQL 8, MariaDB 10.2, SQLite 3.25) carries the total on every row. Only a page past the
   * end, which has no rows to carry it, costs a second query.
   */
  page(filter: ActivityFilter): Promise<[Activity[], number]> {
    return this.db.run(async (em) => {
      const q = em.createQueryBuilder(Activity, 'a').leftJoinAndSelect('a.community', 'c').leftJoinAndSelect('a.organisation', 'o');
      scope(q, filter);
      if (filter.category) q.andWhere('a.category = :category', { category: filter.category });
      const now = filter.now;
      if (filter.range === 'upcoming') q.andWhere('a.endsAt > :now', { now });
      if (filter.range === 'past') q.andWhere('a.endsAt <= :now', { now });
      if (filter.range === 'week') q.andWhere('a.startsAt >= :now AND a.startsAt < :weekEnd', { now, weekEnd: new Date(now.getTime() + WEEK_MS) });
      const direction = filter.range === 'past' ? 'DESC' : 'ASC';
      const { entities, raw } = await q
        .addSelect('COUNT(*) OVER ()', 'total')
        .orderBy('a.startsAt', direction)
        .addOrderBy('a.id', direction)
        .offset((filter.page - 1) * filter.pageSize)
        .limit(filter.pageSize)
        .getRawAndEntities<{ total: number | string }>();
      if (raw.length > 0) return [entities, Number(raw[0].total)];
      return [[], filter.page === 1 ? 0 : await q.offset(undefined).limit(undefined).getCount()];
    });
  }

  /**
   * Edits an activity that is not cancelled, in one conditional UPDATE: a new capacity below what is already
   * taken matches nothing, even against a sign-up committed a moment ago. False when nothing matched.
   * In a transaction: a new start moves the activity's sign-ups to the summary month it now falls in.
   */
  async updateEditable(id: number, fields: Partial<NewActivity>): Promise<boolean> {
    const edit = () =>
      this.write(async (em) => {
      const q = em
        .createQueryBuilder()
        .update(Activity)
        .set(fields)
        .where("id = :id AND status <> 'cancelled'", { id });
      if (fields.seats !== undefined) q.andWhere('seatsTaken <= :seats', { seats: fields.seats });
      if (fields.volunteerSlots !== undefined) q.andWhere('volunteersTaken <= :volunteerSlots', { volunteerSlots: fields.volunteerSlots });
      return ActivitiesRepository.row(id, (await q.execute()).affected);
    });
    return fields.startsAt === undefined ? edit() : this.summary.recountAround({ activityId: id }, edit);
  }

  /** Sessions of a series starting after `after`, neither cancelled nor finished, in order. */
  laterInSeries(seriesId: number, after: Date, now: Date): Promise<Activity[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(Activity, 'a')
        .leftJoinAndSelect('a.community', 'c')
        .leftJoinAndSelect('a.organisation', 'o')
        .where("a.seriesId = :seriesId AND a.startsAt > :after AND a.endsAt > :now AND a.status <> 'cancelled'", { seriesId, after, now })
        .orderBy('a.startsAt', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .getMany(),
    );
  }

  /** Sets the counters outright; only for a cancelled activity, whose sign-ups no longer move (counters ride the TTL). */
  setCounters(id: number, counters: Pick<Activity, 'seatsTaken' | 'volunteersTaken' | 'waitlistCount'>): Promise<void> {
    return this.db.run(async (em) => {
      await em.update(Activity, { id }, counters);
    });
  }

  /**
   * Moves the status only from the expected one(s); false when someone else moved it first. In a transaction: the
   * activity's sign-ups count in the summary only while it is published.
   */
  transition(id: number, from: ActivityStatus[], set: { status: ActivityStatus; cancelReason?: string; publishedAt?: Date }): Promise<boolean> {
    return this.summary.recountAround({ activityId: id }, () => this.write(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(Activity)
        .set(set)
        .where('id = :id AND status IN (:...from)', { id, from })
        .execute();
      return ActivitiesRepository.row(id, result.affected);
    }));
  }

  /** In a transaction (see `transition`). */
  async publishDraftsOfSeries(seriesId: number, at: Date): Promise<void> {
    await this.summary.recountAround({ seriesId }, () =>
      this.write(async (em) => {
        const result = await em.update(Activity, { seriesId, status: 'draft' }, { status: 'published', publishedAt: at });
        return result.affected ? { where: 'seriesId', ids: [seriesId] } : null;
      }),
    );
  }

  /**
   * Locks the activity row for the rest of the transaction. Every transaction that changes an activity's
   * sign-ups takes this lock (or the counter UPDATE's) before touching sign-up rows, so MySQL transactions
   * always lock in the same order and cannot deadlock. SQLite runs one transaction at a time anyway.
   */
  lock(id: number): Promise<void> {
    if (this.db.kind === 'sqlite') return Promise.resolve();
    return this.db.run(async (em) => {
      await em.createQueryBuilder(Activity, 'a').select('a.id').where('a.id = :id', { id }).setLock('pessimistic_write').getRawOne();
    });
  }

  /**
   * Takes `size` participant seats if that many remain. Taking a place also requires the activity to be
   * published: a sign-up that read the activity just before it was cancelled takes nothing.
   */
  takeSeats(id: number, size: number): Promise<boolean> {
    return this.bump(id, 'seatsTaken', size, "seatsTaken + :n <= seats AND status = 'published'");
  }

  releaseSeats(id: number, size: number): Promise<boolean> {
    return this.bump(id, 'seatsTaken', -size, 'seatsTaken >= :size');
  }

  takeVolunteerSlot(id: number): Promise<boolean> {
    return this.bump(id, 'volunteersTaken', 1, "volunteersTaken + :n <= volunteerSlots AND status = 'published'");
  }

  releaseVolunteerSlot(id: number): Promise<boolean> {
    return this.bump(id, 'volunteersTaken', -1, 'volunteersTaken >= :size');
  }

  joinWaitlist(id: number): Promise<boolean> {
    return this.bump(id, 'waitlistCount', 1, "status = 'published'");
  }

  leaveWaitlist(id: number): Promise<boolean> {
    return this.bump(id, 'waitlistCount', -1, 'waitlistCount >= :size');
  }

  /**
   * `counter = counter + n WHERE id = :id AND <condition>`, in one statement so concurrent callers cannot oversell.
   * Counters mark nothing for the caches: a rush would empty them on every seat; lists show them within the TTL.
   */
  private bump(id: number, counter: 'seatsTaken' | 'volunteersTaken' | 'waitlistCount', n: number, condition: string) {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(Activity)
        .set({ [counter]: () => `${counter} + :n` })
        .where(`id = :id AND ${condition}`, { id, n, size: Math.abs(n) })
        .execute();
      return result.affected === 1;
    });
  }
}

function scope(q: SelectQueryBuilder<Activity>, filter: ActivityFilter): void {
  if (filter.managed) {
    const { communityIds, organisations } = filter.managed;
    q.where(
      new Brackets((w) => {
        w.where('1 = 0');
        if (communityIds.length) w.orWhere('a.communityId IN (:...managedIds)', { managedIds: communityIds });
        organisations.forEach((o, i) => {
          if (o.communityIds.length === 0) return;
          w.orWhere(`(a.organisationId = :org${i} AND a.communityId IN (:...orgCommunities${i}))`, {
            [`org${i}`]: o.organisationId,
            [`orgCommunities${i}`]: o.communityIds,
          });
        });
      }),
    );
    return;
  }
  const ids = filter.communityIds ?? [];
  q.where(ids.length ? 'a.communityId IN (:...ids)' : '1 = 0', { ids }).andWhere(shownToResidentsSql('a'));
}
