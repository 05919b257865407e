import type { OpeningHours, OpeningPeriod } from '@linli/shared';
import { AppError } from '../common/app-error.js';

/** China keeps one time zone without daylight saving: Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Each period must close after it opens, and a day's periods must not overlap. */
export function assertValidHours(hours: OpeningHours): void {
  const byDay = new Map<number, OpeningPeriod[]>();
  for (const p of hours.periods) {
    if (minutes(p.close) <= minutes(p.open)) throw new AppError('SERVICE_POINT_HOURS_INVALID');
    byDay.set(p.day, [...(byDay.get(p.day) ?? []), p]);
  }
  for (const periods of byDay.values()) {
    const sorted = periods.sort((a, b) => minutes(a.open) - minutes(b.open));
    for (let i = 1; i < sorted.length; i++) {
      if (minutes(sorted[i].open) < minutes(sorted[i - 1].close)) throw new AppError('SERVICE_POINT_HOURS_INVALID');
    }
  }
}

/** The weekday (1 = Monday … 7 = Sunday) and minute of the day in Shanghai at this instant. */
export function shanghaiMoment(at: Date): { day: number; minute: number } {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return { day: local.getUTCDay() === 0 ? 7 : local.getUTCDay(), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** Today's periods in opening order, and whether one of them is on now. */
export function openingToday(hours: OpeningHours, at: Date): { openNow: boolean; today: { open: string; close: string }[] } {
  const { day, minute } = shanghaiMoment(at);
  const today = hours.periods
    .filter((p) => p.day === day)
    .sort((a, b) => minutes(a.open) - minutes(b.open))
    .map(({ open, close }) => ({ open, close }));
  return { openNow: today.some((p) => minutes(p.open) <= minute && minute < minutes(p.close)), today };
}
