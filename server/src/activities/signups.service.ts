import { Injectable } from '@nestjs/common';
import { errorMessages, type CreateSignup, type ErrorCode, type SignupQuestion, type Signup as SignupDto, type SignupRole, type SignupStatus } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { ContentCheckService, type UserText } from '../content-check/content-check.service.js';
import { Database, isUniqueViolation } from '../database/database.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ResidencyRepository } from '../residency/residency.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { ActivitiesRepository } from './activities.repository.js';
import { assertAnswersValid, inAudience, needsResident, reminderAtOf, shownToResidents, windowBlocker, type Resident } from './activity-rules.js';
import type { Activity } from './activity.entity.js';
import { audienceOf, questionsOf, toSignupDto, toSummary } from './activity.mapper.js';
import { randomCode } from './random-code.js';
import type { Signup } from './signup.entity.js';
import { SignupsRepository } from './signups.repository.js';
import { WaitlistService } from './waitlist.service.js';

/** Sign-ups holding or awaiting a place: the ones a resident can cancel. */
const AWAITING: SignupStatus[] = ['confirmed', 'waitlisted', 'offered'];

@Injectable()
export class SignupsService {
  constructor(
    private readonly db: Database,
    private readonly activities: ActivitiesRepository,
    private readonly signups: SignupsRepository,
    private readonly waitlist: WaitlistService,
    private readonly notifications: NotificationService,
    private readonly access: AccessService,
    private readonly users: UsersRepository,
    private readonly residency: ResidencyRepository,
    private readonly contentCheck: ContentCheckService,
    private readonly clock: Clock,
  ) {}

  /**
   * Confirmed while seats remain, else waitlisted (if the activity keeps a waitlist), else 名额已满.
   *
   * Built for the rush (5,000 taps for 100 seats): one read decides every refusal, and only a request that may
   * get a place opens a transaction. That read is advice, never the guarantee: a place is granted only by the
   * conditional UPDATE of the counters inside the transaction, beside the unique key on the live sign-up.
   *
   * `retry`: the request carries an Idempotency-Key, so it may repeat one whose answer was lost (a 503 on a COMMIT
   * the database did carry out, a dropped connection). Then an existing live sign-up is its outcome: it answers
   * with that sign-up, as it stands now, instead of SIGNUP_DUPLICATE. Nothing is stored for this: the live
   * sign-up itself (one per person and role, by its unique key) is the outcome.
   *
   * `alsoRecord`: staff acting for a managed resident (代办) — their audit row and notice, written in the same
   * transaction as the sign-up, so the act is on record exactly when the sign-up exists.
   */
  async signUp(
    auth: AuthContext,
    activityId: number,
    input: CreateSignup,
    retry = false,
    alsoRecord?: (signupId: number) => Promise<void>,
  ): Promise<SignupDto> {
    const found = await this.activities.findForSignup(activityId, auth.userId, input.role);
    if (!found) throw new AppError('ACTIVITY_NOT_FOUND');
    const { activity, liveSignupId } = found;
    if (!shownToResidents(activity) && !(await this.access.canManageActivity(auth, activity))) throw new AppError('ACTIVITY_NOT_FOUND');
    // Before the window and seat checks: the try that counted may have been the last seat, or the window's last minute.
    const now = this.clock.now();
    if (retry && liveSignupId !== null) return this.existingOutcome(liveSignupId, activity, now);
    const blocker = windowBlocker(activity, now);
    if (blocker) throw new AppError(blocker);
    const audience = audienceOf(activity);
    if (needsResident(audience) && !inAudience(audience, activity.communityId, await this.residentOf(auth.userId), now)) {
      throw new AppError('NOT_IN_AUDIENCE');
    }
    const allowed = input.role === 'volunteer' ? 0 : activity.companionsAllowed;
    if (input.companions.length > allowed) throw new AppError('TOO_MANY_COMPANIONS');
    assertAnswersValid(questionsOf(activity), input.answers);
    if (liveSignupId !== null) throw new AppError('SIGNUP_DUPLICATE');
    const size = 1 + input.companions.length;
    const noPlace = input.role === 'volunteer' ? activity.volunteersTaken >= activity.volunteerSlots : activity.seatsTaken + size > activity.seats && !activity.waitlistEnabled;
    if (noPlace) throw new AppError(input.role === 'volunteer' ? 'NO_VOLUNTEER_SLOTS' : 'SEATS_FULL');
    const verdict = await this.contentCheck.screen(auth.userId, writtenTexts(input, questionsOf(activity)));

    const row = {
      activityId: activity.id,
      userId: auth.userId,
      role: input.role,
      size,
      companions: JSON.stringify(input.companions),
      answers: JSON.stringify(input.answers),
      contentHeld: verdict === 'review' ? (1 as const) : (0 as const),
      checkinCode: randomCode(),
      createdAt: now,
    };
    let placed: { id: number; status: 'confirmed' | 'waitlisted' };
    try {
      placed = await this.db.transaction(async () => {
        const status = await this.takePlace(activity, input.role, size);
        let id: number;
        try {
          id = await this.signups.insert({ ...row, status });
        } catch (error) {
          // Rolling back also gives back the place taken above.
          if (isUniqueViolation(error)) throw new AppError('SIGNUP_DUPLICATE');
          throw error;
        }
        await this.notifications.notify(auth.userId, status === 'confirmed' ? 'signup_confirmed' : 'signup_waitlisted', {
          title: status === 'confirmed' ? '报名成功' : '已加入候补',
          body:
            status === 'confirmed'
              ? `您已报名「${activity.title}」，请按时参加。`
              : `「${activity.title}」名额已满，您已加入候补；有空位时会通知您。`,
          activityId: activity.id,
        });
        await alsoRecord?.(id);
        return { id, status };
      });
    } catch (error) {
      // A try of this same request committed while this one was on its way: its sign-up is the answer.
      const existing =
        retry && error instanceof AppError && error.code === 'SIGNUP_DUPLICATE' ? await this.signups.findLive(activity.id, auth.userId, input.role) : null;
      if (existing) return this.existingOutcome(existing.id, activity, now);
      throw error;
    }
    const { id, status } = placed;
    // A waitlisted sign-up needs its place in the queue; a confirmed one is exactly what was inserted.
    if (status === 'waitlisted') return this.signupDto(id);
    const created = { ...row, id, status, active: 1, offerExpiresAt: null, checkedInAt: null, checkedOutAt: null, minutes: null, reminderSentAt: null } as Signup;
    return { ...toSignupDto(created, null), reminderAt: reminderAtOf(created, activity, now)?.toISOString() ?? null };
  }

  /** Takes seats (or a volunteer slot, or a waitlist place) with one conditional UPDATE each. */
  private async takePlace(activity: Activity, role: SignupRole, size: number): Promise<'confirmed' | 'waitlisted'> {
    if (role === 'volunteer') {
      if (!(await this.activities.takeVolunteerSlot(activity.id))) throw new AppError('NO_VOLUNTEER_SLOTS');
      return 'confirmed';
    }
    if (await this.activities.takeSeats(activity.id, size)) return 'confirmed';
    if (!activity.waitlistEnabled) throw new AppError('SEATS_FULL');
    // Only a published activity keeps a waitlist: this fails when it was cancelled since we read it.
    if (!(await this.activities.joinWaitlist(activity.id))) throw new AppError('ACTIVITY_CANCELLED');
    return 'waitlisted';
  }

  async cancelMine(auth: AuthContext, activityId: number, role: SignupRole): Promise<SignupDto> {
    const activity = await this.visibleActivity(auth, activityId);
    const signup = await this.signups.findLive(activity.id, auth.userId, role);
    if (!signup || !AWAITING.includes(signup.status)) throw new AppError('SIGNUP_NOT_FOUND');
    // Leaving the waitlist costs nobody a seat, so only held seats are bound by the deadline.
    if (signup.status !== 'waitlisted' && this.clock.now() >= activity.cancelDeadline) {
      throw new AppError('CANCEL_DEADLINE_PASSED');
    }
    await this.db.transaction(async () => {
      await this.activities.lock(activity.id);
      if (!(await this.cancelWithin(activity, signup))) throw new AppError('SIGNUP_NOT_FOUND');
    });
    return this.signupDto(signup.id);
  }

  /**
   * Cancels, as their resident would, every sign-up of `userId` holding or awaiting a place on an activity that
   * has not started (the account is being deleted): seats go back and on to the waitlist. In the caller's
   * transaction; activities are locked in id order, like every other writer's single lock.
   */
  async cancelUpcomingWithin(userId: number): Promise<void> {
    for (const seen of await this.signups.upcomingAwaitingOf(userId, this.clock.now())) {
      await this.activities.lock(seen.activityId);
      const signup = await this.signups.findCurrent(seen.id);
      if (signup && AWAITING.includes(signup.status)) await this.cancelWithin(seen.activity, signup);
    }
  }

  /**
   * One cancellation, holding the activity's lock: the sign-up leaves the status it was read in, and what it held
   * goes back (freed seats are offered on). False when it had moved on since.
   */
  private async cancelWithin(activity: Activity, signup: Signup): Promise<boolean> {
    if (!(await this.signups.transition(signup.id, [signup.status], { status: 'cancelled', active: null }))) return false;
    await this.waitlist.releaseWithin(activity, signup, signup.status);
    return true;
  }

  async acceptOffer(auth: AuthContext, signupId: number): Promise<SignupDto> {
    const signup = await this.signups.findById(signupId);
    // Someone else's sign-up is answered as a missing one, so its id tells nothing.
    if (!signup || signup.userId !== auth.userId) throw new AppError('SIGNUP_NOT_FOUND');
    if (signup.status === 'offer_expired') throw new AppError('OFFER_EXPIRED');
    if (signup.status === 'activity_cancelled') throw new AppError('ACTIVITY_CANCELLED');
    if (signup.status !== 'offered') throw new AppError('NO_OFFER');
    if (this.clock.now() >= signup.offerExpiresAt!) {
      // Pass it on now rather than waiting for the sweeper.
      await this.waitlist.expireOffer(signup.id);
      throw new AppError('OFFER_EXPIRED');
    }
    const activity = await this.db.transaction(async () => {
      if (!(await this.signups.transition(signup.id, ['offered'], { status: 'confirmed' }))) {
        const current = await this.signups.findById(signup.id);
        if (current?.status === 'activity_cancelled') throw new AppError('ACTIVITY_CANCELLED');
        throw new AppError(current?.status === 'offer_expired' ? 'OFFER_EXPIRED' : 'NO_OFFER');
      }
      const activity = (await this.activities.findById(signup.activityId))!;
      await this.notifications.notify(auth.userId, 'signup_confirmed', {
        title: '报名成功',
        body: `您已确认「${activity.title}」的空位，报名成功。`,
        activityId: activity.id,
      });
      return activity;
    });
    const confirmed = await this.signupDto(signup.id);
    const reminderAt = reminderAtOf({ ...signup, status: 'confirmed' }, activity, this.clock.now());
    return { ...confirmed, reminderAt: reminderAt?.toISOString() ?? null };
  }

  async mySignups(auth: AuthContext) {
    const signups = await this.signups.ofUser(auth.userId, 200);
    const activities = new Map((await this.activities.findByIds([...new Set(signups.map((s) => s.activityId))])).map((a) => [a.id, a]));
    const now = this.clock.now();
    const items = [];
    for (const s of signups) items.push({ ...(await this.toDto(s)), activity: toSummary(activities.get(s.activityId)!, now) });
    return { items };
  }

  /** My live sign-ups on an activity, for its detail page. */
  async liveOf(userId: number, activityId: number): Promise<SignupDto[]> {
    const live = await this.signups.liveOf(activityId, userId);
    return Promise.all(live.map((s) => this.toDto(s)));
  }

  /** Whether the user may sign up as a participant now, and if not, why (the same checks as signing up). */
  async eligibility(userId: number, activity: Activity, mine: SignupDto[]): Promise<{ eligible: boolean; reason: string | null }> {
    const now = this.clock.now();
    const refuse = (code: ErrorCode) => ({ eligible: false, reason: errorMessages[code] });
    const blocker = windowBlocker(activity, now);
    if (blocker) return refuse(blocker);
    if (mine.some((s) => s.role === 'participant')) return refuse('SIGNUP_DUPLICATE');
    if (!inAudience(audienceOf(activity), activity.communityId, await this.residentOf(userId), now)) return refuse('NOT_IN_AUDIENCE');
    if (activity.seats === 0) return { eligible: false, reason: '这个活动只招募志愿者，欢迎报名当志愿者' };
    if (activity.seatsTaken >= activity.seats && !activity.waitlistEnabled) return refuse('SEATS_FULL');
    return { eligible: true, reason: null };
  }

  /** A retried sign-up's answer: the sign-up that counted, with the reminder it will really get, as the first answer had. */
  private async existingOutcome(id: number, activity: Activity, now: Date): Promise<SignupDto> {
    const signup = (await this.signups.findById(id))!;
    return { ...(await this.toDto(signup)), reminderAt: reminderAtOf(signup, activity, now)?.toISOString() ?? null };
  }

  async signupDto(id: number): Promise<SignupDto> {
    return this.toDto((await this.signups.findById(id))!);
  }

  private async toDto(s: Signup): Promise<SignupDto> {
    return toSignupDto(s, s.status === 'waitlisted' ? await this.signups.waitlistPosition(s) : null);
  }

  /** What was never published exists only for those who manage it (see `shownToResidents`). */
  async visibleActivity(auth: AuthContext, id: number): Promise<Activity> {
    const activity = await this.activities.findById(id);
    if (!activity || (!shownToResidents(activity) && !(await this.access.canManageActivity(auth, activity)))) {
      throw new AppError('ACTIVITY_NOT_FOUND');
    }
    return activity;
  }

  private async residentOf(userId: number): Promise<Resident> {
    const [user, homes] = await Promise.all([this.users.findById(userId), this.residency.residenciesOf(userId)]);
    return {
      birthYear: user?.birthYear ?? null,
      homes: homes.map((h) => ({ communityId: h.communityId, building: h.household.building })),
    };
  }
}

/** What the resident wrote: companions' names and relations, and the answers typed in (chosen options are staff's words). */
function writtenTexts(input: CreateSignup, questions: SignupQuestion[]): UserText[] {
  const texts: UserText[] = input.companions.flatMap((c, i) => [
    { path: `body.companions.${i}.name`, text: c.name, scene: 'profile' as const },
    { path: `body.companions.${i}.relation`, text: c.relation, scene: 'profile' as const },
  ]);
  for (const q of questions) {
    const answer = input.answers[q.id];
    if (q.kind === 'text' && typeof answer === 'string') texts.push({ path: `body.answers.${q.id}`, text: answer, scene: 'comment' });
  }
  return texts;
}
