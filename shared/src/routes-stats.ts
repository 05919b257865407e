import { z } from 'zod';
import { MyVolunteerHoursQuerySchema, MyVolunteerHoursSchema, StatsOverviewQuerySchema, StatsOverviewSchema } from './schemas/stats.js';
import type { RouteDef } from './routes.js';

/** The statistics dashboard and volunteers' own hours (issue 12). Part of `routes`. */
export const statsRoutes = {
  statsOverview: {
    method: 'GET',
    path: '/stats/overview',
    auth: 'staff',
    tag: 'stats',
    summary: 'Dashboard figures for one community (committee) or the street with a per-community comparison (street admin)',
    query: StatsOverviewQuerySchema,
    response: StatsOverviewSchema,
  },
  exportStatsOverview: {
    method: 'GET',
    path: '/stats/overview/export',
    auth: 'staff',
    tag: 'stats',
    summary: 'The same overview as an Excel workbook; the response is the file',
    query: StatsOverviewQuerySchema,
    response: z.string().describe('The file (xlsx)'),
  },
  myVolunteerHours: {
    method: 'GET',
    path: '/me/volunteer-hours',
    auth: 'user',
    tag: 'stats',
    summary: 'My volunteer hours: total, this year, and the credits one page at a time',
    query: MyVolunteerHoursQuerySchema,
    response: MyVolunteerHoursSchema,
  },
} as const satisfies Record<string, RouteDef>;
