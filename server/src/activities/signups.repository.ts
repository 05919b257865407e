import { Injectable } from '@nestjs/common';
import type { SignupRole, SignupStatus } from '@linli/shared';
import { In, IsNull, LessThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { Database } from '../database/database.js';
import { StatsMonthWriter } from '../stats/stats-month-writer.js';
import { Signup } from './signup.entity.js';
import { VolunteerHours } from './volunteer-hours.entity.js';

export type NewSignup = Pick<Signup, 'activityId' | 'userId' | 'role' | 'status' | 'size' | 'companions' | 'answers' | 'contentHeld' | 'checkinCode' | 'createdAt'>;

/** Statuses a sign-up ends with when its activity is cancelled. */
const ENDED_BY_CANCELLATION: SignupStatus[] = ['confirmed', 'waitlisted', 'offered'];

/** Every write that changes a sign-up's status also moves the dashboard's monthly counts (StatsMonthWriter), in its transaction. */
@Injectable()
export class SignupsRepository {
  private readonly summary: StatsMonthWriter;

  constructor(private readonly db: Database) {
    this.summary = new StatsMonthWriter(db);
  }

  /** In the caller's transaction, or in one of its own so the row and its count commit together. */
  private within<T>(work: () => Promise<T>): Promise<T> {
    return this.db.inTransaction() ? work() : this.db.transaction(work);
  }

  /** The unique key on (activity, user, role, active) rejects a second live sign-up. */
  insert(signup: NewSignup): Promise<number> {
    return this.within(async () => {
      const id = await this.db.run(async (em) => {
        const result = await em.insert(Signup, {
        ...signup,
        active: 1,
        offerExpiresAt: null,
        checkedInAt: null,
        checkedOutAt: null,
        minutes: null,
        reminderSentAt: null,
        });
        return result.identifiers[0].id as number;
      });
      if (signup.role === 'participant') await this.summary.signup(signup.activityId, signup.status, 1);
      return id;
    });
  }

  findById(id: number): Promise<Signup | null> {
    return this.db.run((em) => em.findOneBy(Signup, { id }));
  }

  findLive(activityId: number, userId: number, role: SignupRole): Promise<Signup | null> {
    return this.db.run((em) => em.findOneBy(Signup, { activityId, userId, role, active: 1 }));
  }

  liveOf(activityId: number, userId: number): Promise<Signup[]> {
    return this.db.run((em) => em.find(Signup, { where: { activityId, userId, active: 1 }, order: { id: 'ASC' } }));
  }

  /**
   * The row as committed now: a locking read on MySQL, where a plain read inside a transaction sees the snapshot
   * taken at its first read. Call it holding the activity's lock.
   */
  findCurrent(id: number): Promise<Signup | null> {
    const lock = this.db.kind === 'mysql' ? { mode: 'pessimistic_write' as const } : undefined;
    return this.db.run((em) => em.findOne(Signup, { where: { id }, lock }));
  }

  /** The user's sign-ups holding or awaiting a place on activities that start after `now`, activity by activity. */
  upcomingAwaitingOf(userId: number, now: Date): Promise<Signup[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(Signup, 's')
        .innerJoinAndSelect('s.activity', 'a')
        .where("s.userId = :userId AND s.status IN ('confirmed', 'waitlisted', 'offered') AND a.startsAt > :now", { userId, now })
        .orderBy('s.activityId', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .getMany(),
    );
  }

  findByCode(activityId: number, checkinCode: string): Promise<Signup | null> {
    return this.db.run((em) => em.findOneBy(Signup, { activityId, checkinCode }));
  }

  /**
   * Moves a sign-up only from the expected status; false when another request moved it first. One `from`, so a
   * match says exactly which count the sign-up leaves.
   */
  transition(id: number, from: [SignupStatus], set: Partial<Omit<Signup, 'id' | 'activity' | 'user'>>): Promise<boolean> {
    return this.within(async () => {
      const result = await this.db.run((em) =>
        em.createQueryBuilder().update(Signup).set(set).where('id = :id AND status = :from', { id, from: from[0] }).execute(),
      );
      if (result.affected !== 1) return false;
      if (set.status) await this.summary.signupMoved(id, from[0], set.status);
      return true;
    });
  }

  /** Records check-out once: false when already checked out. */
  checkOut(id: number, at: Date, minutes: number): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(Signup)
        .set({ checkedOutAt: at, minutes })
        .where('id = :id AND checkedInAt IS NOT NULL AND checkedOutAt IS NULL', { id })
        .execute();
      return result.affected === 1;
    });
  }

  creditHours(entry: { userId: number; activityId: number; signupId: number; minutes: number; createdAt: Date }) {
    return this.within(async () => {
      await this.db.run((em) => em.insert(VolunteerHours, entry));
      await this.summary.volunteerMinutes(entry.activityId, entry.createdAt, entry.minutes);
    });
  }

  /** Marks the reminder as sent once: false when it already was. */
  markReminded(id: number, at: Date): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(Signup)
        .set({ reminderSentAt: at })
        .where("id = :id AND reminderSentAt IS NULL AND status = 'confirmed'", { id })
        .execute();
      return result.affected === 1;
    });
  }

  /** The waitlist in order of arrival. */
  waitlist(activityId: number, limit: number): Promise<Signup[]> {
    return this.db.run((em) =>
      em.find(Signup, { where: { activityId, status: 'waitlisted', role: 'participant' }, order: { id: 'ASC' }, take: limit }),
    );
  }

  waitlistPosition(signup: Pick<Signup, 'id' | 'activityId'>): Promise<number> {
    return this.db.run(
      async (em) =>
        (await em
          .createQueryBuilder(Signup, 's')
          .where("s.activityId = :activityId AND s.status = 'waitlisted' AND s.id < :id", signup)
          .getCount()) + 1,
    );
  }

  ofUser(userId: number, limit: number): Promise<Signup[]> {
    return this.db.run((em) => em.find(Signup, { where: { userId }, order: { id: 'DESC' }, take: limit }));
  }

  ofActivity(activityId: number): Promise<Signup[]> {
    return this.db.run((em) => em.find(Signup, { where: { activityId }, relations: { user: true }, order: { id: 'ASC' } }));
  }

  /** Users waiting on or holding a place: those told about changes and cancellation. */
  awaiting(activityId: number): Promise<Signup[]> {
    return this.db.run((em) => em.findBy(Signup, { activityId, status: In(['confirmed', 'waitlisted', 'offered']) }));
  }

  /**
   * The activity was cancelled: every sign-up holding or awaiting a place ends as `activity_cancelled` and leaves
   * the unique key, in one UPDATE that also catches rows committed after the caller last read. Returns those rows.
   */
  endForCancelledActivity(activityId: number): Promise<Signup[]> {
    return this.within(async () => {
      // Status by status, so each UPDATE's count is what leaves that status in the summary.
      for (const status of ENDED_BY_CANCELLATION) {
        const ended = await this.moveWhere({ activityId, role: 'participant', status }, { status: 'activity_cancelled', active: null });
        if (ended) await this.moveCount(activityId, status, 'activity_cancelled', ended);
      }
      await this.db.run((em) =>
        em.update(Signup, { activityId, role: 'volunteer', status: In(ENDED_BY_CANCELLATION) }, { status: 'activity_cancelled', active: null }),
      );
      return this.db.run((em) => em.findBy(Signup, { activityId, status: 'activity_cancelled' }));
    });
  }

  /** Moves every sign-up matching `where`; returns how many moved. */
  private async moveWhere(where: FindOptionsWhere<Signup>, set: Partial<Omit<Signup, 'activity' | 'user'>>): Promise<number> {
    const result = await this.db.run((em) => em.update(Signup, where, set));
    return result.affected ?? 0;
  }

  private async moveCount(activityId: number, from: SignupStatus, to: SignupStatus, n: number) {
    await this.summary.signup(activityId, from, -n);
    await this.summary.signup(activityId, to, n);
  }

  /** Seats and volunteer slots held by sign-ups that still hold one (what the activity's counters should say). */
  held(activityId: number): Promise<{ seats: number; volunteers: number }> {
    return this.db.run(async (em) => {
      const rows = await em.findBy(Signup, { activityId, status: In(['confirmed', 'offered', 'attended']) });
      return {
        seats: rows.filter((s) => s.role === 'participant').reduce((sum, s) => sum + s.size, 0),
        volunteers: rows.filter((s) => s.role === 'volunteer').length,
      };
    });
  }

  noShowCounts(userIds: number[]): Promise<Map<number, number>> {
    if (userIds.length === 0) return Promise.resolve(new Map());
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(Signup, 's')
        .select('s.userId', 'userId')
        .addSelect('COUNT(*)', 'count')
        .where("s.status = 'no_show' AND s.userId IN (:...userIds)", { userIds })
        .groupBy('s.userId')
        .getRawMany<{ userId: number; count: string | number }>();
      return new Map(rows.map((r) => [Number(r.userId), Number(r.count)]));
    });
  }

  expiredOffers(now: Date, limit: number): Promise<Signup[]> {
    return this.db.run((em) =>
      em.find(Signup, { where: { status: 'offered', offerExpiresAt: LessThanOrEqual(now) }, order: { id: 'ASC' }, take: limit }),
    );
  }

  /** Confirmed sign-ups, not yet reminded, of published activities whose reminder time has come and that have not started. */
  dueReminders(now: Date, limit: number): Promise<Signup[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(Signup, 's')
        .innerJoinAndSelect('s.activity', 'a')
        .where("s.status = 'confirmed' AND s.reminderSentAt IS NULL")
        // Sign-ups made after the reminder time were told none would come (reminderAtOf).
        .andWhere("a.status = 'published' AND a.remindAt <= :now AND a.startsAt > :now AND s.createdAt <= a.remindAt", { now })
        .orderBy('s.id', 'ASC')
        .take(limit)
        .getMany(),
    );
  }

  /**
   * Confirmed sign-ups never checked in, of activities that ended in the last week, become no-shows. The week
   * bounds the scan as activities pile up; the sweeper runs every few seconds, so nothing is missed in practice.
   */
  async markNoShows(now: Date): Promise<number> {
    const activityIds = await this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(Signup, 's')
        .innerJoin('s.activity', 'a')
        .select('DISTINCT s.activityId', 'activityId')
        .where("s.status = 'confirmed' AND s.checkedInAt IS NULL")
        .andWhere("a.status = 'published' AND a.endsAt <= :now AND a.endsAt > :weekAgo", { now, weekAgo: new Date(now.getTime() - 7 * 24 * 3600_000) })
        .getRawMany<{ activityId: number }>();
      return rows.map((r) => Number(r.activityId));
    });
    let marked = 0;
    // Activity by activity: each UPDATE's count is what the summary moves, in the same transaction.
    for (const activityId of activityIds) {
      marked += await this.within(async () => {
        const absent = { activityId, status: 'confirmed' as const, checkedInAt: IsNull() };
        const participants = await this.moveWhere({ ...absent, role: 'participant' }, { status: 'no_show' });
        if (participants) await this.moveCount(activityId, 'confirmed', 'no_show', participants);
        return participants + (await this.moveWhere({ ...absent, role: 'volunteer' }, { status: 'no_show' }));
      });
    }
    return marked;
  }
}
