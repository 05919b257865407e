import { z } from 'zod';
import { ActivityCategorySchema } from './activities.js';
import { IdParamSchema, IdSchema, pageOf, PageQuerySchema } from './common.js';

const DateSchema = z.iso.date();
/** The longest range one overview covers: a bigger one is refused (STATS_RANGE_TOO_LONG) so every query stays bounded. */
export const STATS_MAX_DAYS = 731;

export const StatsOverviewQuerySchema = z.object({
  /** One community; omitted: every community the caller may see (a street admin's street), compared side by side. */
  communityId: IdParamSchema.optional(),
  /** Calendar days in China time, both included; default: the last 12 months up to today. */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type StatsOverviewQuery = z.infer<typeof StatsOverviewQuerySchema>;

const Count = z.number().int().nonnegative();
const MonthSchema = z.string().regex(/^\d{4}-\d{2}$/).describe('YYYY-MM in China time');

export const StatsCommunityRowSchema = z.object({
  communityId: IdSchema,
  name: z.string(),
  residentsVerified: Count,
  pendingClaims: Count,
  activitiesHeld: Count,
  signups: Count,
  attended: Count,
  noShows: Count,
  volunteerMinutes: Count,
});
export type StatsCommunityRow = z.infer<typeof StatsCommunityRowSchema>;

export const StatsOverviewSchema = z.object({
  from: DateSchema,
  to: DateSchema,
  /** The communities counted (one, or the street's). */
  communityIds: z.array(IdSchema),
  residentsVerifiedByMonth: z.array(z.object({ month: MonthSchema, count: Count })),
  pendingClaims: z.object({
    count: Count,
    /** Waiting more than 7 days. */
    olderThanWeek: Count,
    /** Days the oldest pending claim has waited; null when none waits. */
    oldestDays: Count.nullable(),
  }),
  activitiesByMonth: z.array(z.object({ month: MonthSchema, category: ActivityCategorySchema, count: Count })),
  signups: z.object({
    /** Participant sign-ups to activities that started in the range and were not cancelled by the organiser. */
    total: Count,
    attended: Count,
    noShows: Count,
    cancelled: Count,
    /** attended ÷ (attended + no-shows), 0…1; null before any activity was checked. */
    attendanceRate: z.number().min(0).max(1).nullable(),
  }),
  waitlist: z.object({
    /** Activities held in the range whose seats all went. */
    activitiesFull: Count,
    activitiesHeld: Count,
    /** Sign-ups that waited on the waitlist and never got a place (still waiting, or their offer ran out). */
    turnedAway: Count,
  }),
  volunteerMinutesByMonth: z.array(z.object({ month: MonthSchema, minutes: Count })),
  consultations: z.array(z.object({ pollId: IdSchema, communityId: IdSchema, title: z.string(), closesAt: z.string(), status: z.string(), ballots: Count })),
  articles: z.object({ published: Count, reads: Count }),
  /** One row per community when more than one is counted (a street admin's comparison). */
  communities: z.array(StatsCommunityRowSchema),
});
export type StatsOverview = z.infer<typeof StatsOverviewSchema>;

export const MyVolunteerHoursQuerySchema = PageQuerySchema;
export const VolunteerHoursEntrySchema = z.object({
  id: IdSchema,
  activityId: IdSchema,
  activityTitle: z.string(),
  minutes: Count,
  createdAt: z.string(),
});
export const MyVolunteerHoursSchema = z.object({
  totalMinutes: Count,
  /** Credited since 1 January of this year, China time. */
  thisYearMinutes: Count,
  history: pageOf(VolunteerHoursEntrySchema),
});
export type MyVolunteerHours = z.infer<typeof MyVolunteerHoursSchema>;
