import type { Database } from '../database/database.js';

/** A datetime parameter as TypeORM stores the column: a Date for MySQL (mysql2 writes it in UTC), UTC text for SQLite. */
export function dateParam(db: Database, date: Date): Date | string {
  return db.kind === 'mysql' ? date : date.toISOString().replace('T', ' ').replace('Z', '');
}

/** `?, ?, ?` for a list. */
export function placeholders(values: unknown[]): string {
  return values.map(() => '?').join(', ');
}
