import { stringify } from 'csv-stringify/sync';

/**
 * A CSV file for Excel: with a byte-order mark, so Excel opens the Chinese text as UTF-8. Text that Excel would run
 * as a formula (=, +, -, @, tab, return) gets a leading apostrophe, since people typed it.
 */
export function toSafeCsv(rows: unknown[][]): Buffer {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  return Buffer.from('\uFEFF' + stringify(safe), 'utf8');
}
