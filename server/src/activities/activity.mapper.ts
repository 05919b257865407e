import {
  AudienceSchema,
  SignupQuestionSchema,
  type ActivitySummary,
  type Audience,
  type Companion,
  type SeatState,
  type Signup as SignupDto,
  type SignupAnswers,
  type SignupQuestion,
} from '@linli/shared';
import type { Activity } from './activity.entity.js';
import type { Signup } from './signup.entity.js';

export function audienceOf(a: Activity): Audience {
  return AudienceSchema.parse(JSON.parse(a.audience));
}

export function questionsOf(a: Activity): SignupQuestion[] {
  return SignupQuestionSchema.array().parse(JSON.parse(a.questions));
}

/** What a resident's card shows. Volunteer-only activities (no participant seats) fill by their volunteer slots. */
export function seatStateOf(a: Activity, now: Date): SeatState {
  if (a.status === 'cancelled') return 'cancelled';
  if (now >= a.endsAt) return 'ended';
  if (now < a.signupOpensAt) return 'not_open';
  if (now >= a.signupClosesAt) return 'closed';
  const full = a.seats > 0 ? a.seatsTaken >= a.seats : a.volunteersTaken >= a.volunteerSlots;
  if (!full) return 'open';
  return a.seats > 0 && a.waitlistEnabled ? 'waitlist' : 'full';
}

export function toSummary(a: Activity, now: Date): ActivitySummary {
  return {
    id: a.id,
    communityId: a.communityId,
    communityName: a.community.name,
    organiser: a.organisation
      ? { kind: 'organisation', id: a.organisation.id, name: a.organisation.name }
      : { kind: 'committee', id: a.communityId, name: `${a.community.name}居委会` },
    title: a.title,
    category: a.category,
    coverUrl: a.coverUrl,
    place: a.place,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    signupOpensAt: a.signupOpensAt.toISOString(),
    signupClosesAt: a.signupClosesAt.toISOString(),
    status: a.status,
    seats: a.seats,
    seatsTaken: a.seatsTaken,
    volunteerSlots: a.volunteerSlots,
    volunteersTaken: a.volunteersTaken,
    waitlistCount: a.waitlistCount,
    seatState: seatStateOf(a, now),
    seriesId: a.seriesId,
  };
}

export function toSignupDto(s: Signup, waitlistPosition: number | null): SignupDto {
  return {
    id: s.id,
    activityId: s.activityId,
    role: s.role,
    status: s.status,
    companions: JSON.parse(s.companions) as Companion[],
    answers: JSON.parse(s.answers) as SignupAnswers,
    contentHeld: s.contentHeld === 1,
    size: s.size,
    waitlistPosition: s.status === 'waitlisted' ? waitlistPosition : null,
    offerExpiresAt: s.status === 'offered' ? (s.offerExpiresAt?.toISOString() ?? null) : null,
    checkinCode: s.checkinCode,
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
    hours: s.minutes === null ? null : Math.round((s.minutes / 60) * 100) / 100,
    createdAt: s.createdAt.toISOString(),
  };
}
