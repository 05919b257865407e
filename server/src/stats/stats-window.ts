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
 * eleven months back). Refuses a reversed range and one longer than STATS_MAX_DAYS. The figures are counted by
 * whole China months (the summary holds months), so the range answered runs from the first day of its first
 * month to the last day of its last month; the overview says so in its `from` and `to`.
 */
export function statsRange(
  query: Pick<StatsOverviewQuery, 'from' | 'to'>,
  now: Date,
): { from: string; to: string; fromAt: Date; toAt: Date; fromMonth: string; toMonth: string } {
  const today = chinaTime(now);
  const askedTo = query.to ?? chinaDate(now);
  const defaultFrom = new Date(Date.UTC(today.year, today.month - 1 - 11, 1));
  const askedFrom = query.from ?? defaultFrom.toISOString().slice(0, 10);
  if (askedFrom > askedTo) throw new AppError('STATS_RANGE_INVALID');
  if ((chinaMidnight(askedTo).getTime() - chinaMidnight(askedFrom).getTime()) / DAY_MS + 1 > STATS_MAX_DAYS) throw new AppError('STATS_RANGE_TOO_LONG');
  const fromMonth = askedFrom.slice(0, 7);
  const toMonth = askedTo.slice(0, 7);
  const [year, month] = toMonth.split('-').map(Number);
  // Day 0 of the next month is the last day of this one.
  const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from: `${fromMonth}-01`, to, fromAt: chinaMidnight(`${fromMonth}-01`), toAt: new Date(chinaMidnight(to).getTime() + DAY_MS), fromMonth, toMonth };
}
