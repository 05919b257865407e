import { Injectable } from '@nestjs/common';
import { formatMoment } from '@linli/shared';
import { Clock } from '../clock/clock.js';
import { Database } from '../database/database.js';
import { NotificationService } from '../notifications/notification.service.js';
import { briefDeadline } from '../notifications/subscribe-templates.js';
import { ActivitiesRepository } from './activities.repository.js';
import type { Activity } from './activity.entity.js';
import type { Signup } from './signup.entity.js';
import { SignupsRepository } from './signups.repository.js';

/** Waitlisted sign-ups looked at per freed-seat event; enough for any real class. */
const CANDIDATES = 50;

/**
 * Freed seats go to the waitlist in order of arrival: the first sign-up that fits is offered the seats, which
 * are held for it (counted as taken) until it accepts or the offer expires. The `…Within` methods run inside
 * the caller's transaction, so the seats released and the seats offered move together.
 */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly db: Database,
    private readonly activities: ActivitiesRepository,
    private readonly signups: SignupsRepository,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  /** Gives back what a sign-up held (seats, a volunteer slot or a waitlist place) after it left `from`. */
  async releaseWithin(activity: Activity, signup: Signup, from: Signup['status']): Promise<void> {
    if (from === 'waitlisted') {
      await this.activities.leaveWaitlist(activity.id);
      return;
    }
    if (signup.role === 'volunteer') {
      await this.activities.releaseVolunteerSlot(activity.id);
      return;
    }
    await this.activities.releaseSeats(activity.id, signup.size);
    await this.offerFreedSeatsWithin(activity);
  }

  /** Offers free seats to waitlisted sign-ups, in order, skipping any too large for what is free. */
  async offerFreedSeatsWithin(activity: Activity): Promise<void> {
    const now = this.clock.now();
    if (activity.status !== 'published' || now >= activity.startsAt) return;
    for (const candidate of await this.signups.waitlist(activity.id, CANDIDATES)) {
      if (!(await this.activities.takeSeats(activity.id, candidate.size))) {
        if (candidate.size === 1) return; // nothing is free at all
        continue;
      }
      // A seat held past the start is worth nothing to the next in line: the hold ends at the start at the latest.
      const offerExpiresAt = new Date(Math.min(now.getTime() + activity.offerHoldMinutes * 60_000, activity.startsAt.getTime()));
      if (!(await this.signups.transition(candidate.id, ['waitlisted'], { status: 'offered', offerExpiresAt }))) {
        // It left the waitlist after we read it (MySQL reads a snapshot): give the seats back.
        await this.activities.releaseSeats(activity.id, candidate.size);
        continue;
      }
      await this.activities.leaveWaitlist(activity.id);
      await this.notifications.notify(candidate.userId, 'seat_offered', {
        title: '候补到空位了',
        body: `「${activity.title}」有了空位，已为您保留到 ${formatMoment(offerExpiresAt)}，请在此之前确认，过时将让给下一位。`,
        brief: briefDeadline(offerExpiresAt),
        activityId: activity.id,
      });
    }
  }

  /** An offer whose hold ran out: its seats go back and on to the next in line. False if it was no longer offered. */
  expireOffer(signupId: number): Promise<boolean> {
    return this.db.transaction(async () => {
      const signup = await this.signups.findById(signupId);
      if (!signup) return false;
      await this.activities.lock(signup.activityId);
      if (!(await this.signups.transition(signup.id, ['offered'], { status: 'offer_expired', active: null }))) return false;
      const activity = (await this.activities.findById(signup.activityId))!;
      await this.notifications.notify(signup.userId, 'offer_expired', {
        title: '保留的空位已过期',
        body: `「${activity.title}」为您保留的空位已过期，已让给下一位候补的居民。`,
        activityId: activity.id,
      });
      await this.releaseWithin(activity, signup, 'offered');
      return true;
    });
  }
}
