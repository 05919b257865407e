import { Injectable } from '@nestjs/common';
import type { SignupRole, SignupStatus } from '@linli/shared';
import { In, LessThanOrEqual } from 'typeorm';
import { Database } from '../database/database.js';
import { Activity } from './activity.entity.js';
import { Signup } from './signup.entity.js';
import { VolunteerHours } from './volunteer-hours.entity.js';

export type NewSignup = Pick<Signup, 'activityId' | 'userId' | 'role' | 'status' | 'size' | 'companions' | 'answers' | 'contentHeld' | 'checkinCode' | 'createdAt'>;

@Injectable()
export class SignupsRepository {
  constructor(private readonly db: Database) {}

  /** The unique key on (activity, user, role, active) rejects a second live sign-up. */
  insert(signup: NewSignup): Promise<number> {
    return this.db.run(async (em) => {
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

  /** Moves a sign-up only from the expected status(es); false when another request moved it first. */
  transition(id: number, from: SignupStatus[], set: Partial<Omit<Signup, 'id' | 'activity' | 'user'>>): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(Signup)
        .set(set)
        .where('id = :id AND status IN (:...from)', { id, from })
        .execute();
      return result.affected === 1;
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
    return this.db.run(async (em) => {
      await em.insert(VolunteerHours, entry);
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
    return this.db.run(async (em) => {
      await em
        .createQueryBuilder()
        .update(Signup)
        .set({ status: 'activity_cancelled', active: null })
        .where("activityId = :activityId AND status IN ('confirmed', 'waitlisted', 'offered')", { activityId })
        .execute();
      return em.findBy(Signup, { activityId, status: 'activity_cancelled' });
    });
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
  markNoShows(now: Date): Promise<number> {
    return this.db.run(async (em) => {
      const ended = em
        .createQueryBuilder(Activity, 'a')
        .select('a.id')
        .where("a.status = 'published' AND a.endsAt <= :now AND a.endsAt > :weekAgo");
      const result = await em
        .createQueryBuilder()
        .update(Signup)
        .set({ status: 'no_show' })
        .where(`status = 'confirmed' AND checkedInAt IS NULL AND activityId IN (${ended.getQuery()})`)
        .setParameters({ now, weekAgo: new Date(now.getTime() - 7 * 24 * 3600_000) })
        .execute();
      return result.affected ?? 0;
    });
  }
}
