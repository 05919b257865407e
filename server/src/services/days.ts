import { chinaDay } from '../organisations/organisation.mapper.js';

/** Service days are China calendar days (YYYY-MM-DD); arithmetic on them is done at UTC midnight, free of DST. */
export { chinaDay };

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Share of [start, end] (both days included) elapsed by the end of `today`, 0…1. */
export function elapsedShare(start: string, end: string, today: string): number {
  const total = daysBetween(start, end) + 1;
  const done = daysBetween(start, today) + 1;
  return Math.min(1, Math.max(0, done / total));
}

/** The Monday of the day's week (1970-01-05 was a Monday). */
export function weekOf(day: string): string {
  const sinceMonday = (((daysBetween('1970-01-05', day) % 7) + 7) % 7);
  return addDays(day, -sinceMonday);
}
