import type { Audience, ErrorCode, FieldError, SignupAnswers, SignupQuestion } from '@linli/shared';
import { AppError } from '../common/app-error.js';
import type { Activity } from './activity.entity.js';

export interface ActivityTimes {
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelDeadline: Date;
  startsAt: Date;
  endsAt: Date;
}

/** signupOpensAt < signupClosesAt <= startsAt < endsAt, and cancelDeadline <= startsAt. */
export function timesInOrder(t: ActivityTimes): boolean {
  return t.signupOpensAt < t.signupClosesAt && t.signupClosesAt <= t.startsAt && t.startsAt < t.endsAt && t.cancelDeadline <= t.startsAt;
}

export function assertTimesInOrder(t: ActivityTimes): void {
  if (!timesInOrder(t)) throw new AppError('ACTIVITY_TIMES_INVALID');
}

export interface Resident {
  birthYear: number | null;
  /** Verified homes: community and building. */
  homes: { communityId: number; building: string }[];
}

/** Whether deciding `inAudience` needs the user's homes or birth year (an open activity needs neither). */
export function needsResident(audience: Audience): boolean {
  return audience.kind !== 'anyone' || audience.minAge !== null || audience.maxAge !== null;
}

/** Whether a user is among those the activity is for; an unknown birth year fails any age limit. */
export function inAudience(audience: Audience, communityId: number, resident: Resident, now: Date): boolean {
  const homes = resident.homes.filter((h) => h.communityId === communityId);
  if (audience.kind === 'community_residents' && homes.length === 0) return false;
  if (audience.kind === 'buildings' && !homes.some((h) => audience.buildings.includes(h.building))) return false;
  if (audience.minAge === null && audience.maxAge === null) return true;
  if (resident.birthYear === null) return false;
  const age = now.getUTCFullYear() - resident.birthYear;
  return (audience.minAge === null || age >= audience.minAge) && (audience.maxAge === null || age <= audience.maxAge);
}

/** The sign-up window and status, in the order a resident would want to hear about them. */
export function windowBlocker(
  a: { status: string; signupOpensAt: Date; signupClosesAt: Date; endsAt: Date },
  now: Date,
): ErrorCode | null {
  if (a.status === 'cancelled') return 'ACTIVITY_CANCELLED';
  if (a.status !== 'published') return 'ACTIVITY_NOT_PUBLISHED';
  if (now >= a.endsAt) return 'ACTIVITY_ENDED';
  if (now < a.signupOpensAt) return 'SIGNUP_NOT_OPEN';
  if (now >= a.signupClosesAt) return 'SIGNUP_CLOSED';
  return null;
}

/** Checks answers against the questions: every required one answered, choices among the options, nothing extra. */
export function assertAnswersValid(questions: SignupQuestion[], answers: SignupAnswers): void {
  const fields: FieldError[] = [];
  const path = (id: string) => `body.answers.${id}`;
  for (const q of questions) {
    const answer = answers[q.id];
    const empty = answer === undefined || (typeof answer === 'string' ? answer.trim() === '' : answer.length === 0);
    if (empty) {
      if (q.required) fields.push({ path: path(q.id), message: `请回答：${q.title}` });
      continue;
    }
    if (q.kind === 'text' && typeof answer !== 'string') fields.push({ path: path(q.id), message: '请填写文字' });
    if (q.kind === 'single' && (typeof answer !== 'string' || !q.options.includes(answer))) {
      fields.push({ path: path(q.id), message: '请从选项中选择一项' });
    }
    if (q.kind === 'multiple' && (!Array.isArray(answer) || !answer.every((a) => q.options.includes(a)) || new Set(answer).size !== answer.length)) {
      fields.push({ path: path(q.id), message: '请从选项中选择' });
    }
  }
  for (const id of Object.keys(answers)) {
    if (!questions.some((q) => q.id === id)) fields.push({ path: path(id), message: '没有这个问题' });
  }
  if (fields.length > 0) throw new AppError('ANSWERS_INVALID', { fields });
}

/** Residents see an activity once it has been published, also after it is cancelled; never a draft, cancelled or not. */
export function shownToResidents(activity: Pick<Activity, 'publishedAt'>): boolean {
  return activity.publishedAt !== null;
}

/** `shownToResidents` as a condition on the activity table under `alias`, for lists that filter in the database. */
export function shownToResidentsSql(alias: string): string {
  return `${alias}.publishedAt IS NOT NULL`;
}

/** When an activity's reminder goes out: `reminderMinutes` before it starts (kept in the activity row as remindAt). */
export function remindAtOf(startsAt: Date, reminderMinutes: number): Date {
  return new Date(startsAt.getTime() - reminderMinutes * 60_000);
}

/**
 * When this sign-up's reminder will actually go out (what the app tells the resident): at the activity's remindAt
 * if that is still ahead; now-ish for a sign-up that existed by then and was not reminded yet (the sweeper sends
 * it on its next run); never for one made after it (the resident has just seen the time), nor for one not
 * confirmed, already reminded, or of an activity under way.
 */
export function reminderAtOf(
  signup: { status: string; createdAt: Date; reminderSentAt: Date | null },
  activity: { startsAt: Date; remindAt: Date },
  now: Date,
): Date | null {
  if (signup.status !== 'confirmed' || signup.reminderSentAt !== null || activity.startsAt <= now) return null;
  if (activity.remindAt > now) return activity.remindAt;
  return signup.createdAt <= activity.remindAt ? now : null;
}
