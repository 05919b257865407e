import { z } from 'zod';

/** Database ids are positive integers; path and query params arrive as strings and are coerced. */
export const IdSchema = z.number().int().positive();
export const IdParamSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const IdParamsSchema = z.object({ id: IdParamSchema });

/**
 * Every date the system takes or derives lies in this window (as instants, UTC). Both databases' datetime
 * columns break outside it in their own ways (MySQL refuses year 10000 with a 500, SQLite stores year 0000), and
 * no community activity, consultation or article is planned before 2000 or after 2100.
 */
export const DATE_WINDOW = { from: Date.UTC(2000, 0, 1), until: Date.UTC(2101, 0, 1) } as const;
export const DATE_WINDOW_MESSAGE = '日期要在 2000 年到 2100 年之间，请检查年份';

/** Whether an instant (a Date, epoch milliseconds or an ISO string) lies in DATE_WINDOW. */
export function inDateWindow(at: Date | number | string): boolean {
  const t = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime();
  return t >= DATE_WINDOW.from && t < DATE_WINDOW.until;
}

/** Timestamps travel as ISO-8601 strings in UTC, inside DATE_WINDOW. */
export const DateTimeSchema = z.iso
  .datetime({ offset: true })
  // A string that is no date at all gets the format's own message only.
  .refine((v) => Number.isNaN(Date.parse(v)) || inDateWindow(v), { message: DATE_WINDOW_MESSAGE });

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

type WithoutDefaults<T extends z.ZodRawShape> = { [K in keyof T]: T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K] };
/** For an edit's schema: an edit changes only what it sends, but zod would fill a left-out field with its create default (and wipe it). */
export function withoutDefaults<T extends z.ZodRawShape>(shape: T): WithoutDefaults<T> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]),
  ) as WithoutDefaults<T>;
}

/** Trimmed, non-empty text with a length limit: what every free-text field is. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}

export const OkSchema = z.object({ ok: z.literal(true) });
