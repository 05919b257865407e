import { chinaTime, STATS_MAX_DAYS, type StatsOverviewQuery } from '@linli/shared';
import { AppError } from '../common/app-error.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A China calendar day as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  const t = chinaTime(at);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** Midnight starting this China day, as an instant. */
export function chinaMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/**
 * The days an overview covers: as asked, or by default the twelve months up to today (the first of the month
 * eleven months back, so each month shown is whole). Refuses a reversed range and one longer than STATS_MAX_DAYS.
 */
export function statsRange(query: Pick<StatsOverviewQuery, 'from' | 'to'>, now: Date): { from: string; to: string; fromAt: Date; toAt: Date } {
  const today = chinaTime(now);
  const to = query.to ?? chinaDate(now);
  const defaultFrom = new Date(Date.UTC(today.year, today.month - 1 - 11, 1));
  const from = query.from ?? defaultFrom.toISOString().slice(0, 10);
  if (from > to) throw new AppError('STATS_RANGE_INVALID');
  const fromAt = chinaMidnight(from);
  const toAt = new Date(chinaMidnight(to).getTime() + DAY_MS);
  if ((toAt.getTime() - fromAt.getTime()) / DAY_MS > STATS_MAX_DAYS) throw new AppError('STATS_RANGE_TOO_LONG');
  return { from, to, fromAt, toAt };
}
