import type { FieldError } from '@linli/shared';
import { parse } from 'csv-parse/sync';
import { AppError } from '../common/app-error.js';
import type { CensusRow } from './census.repository.js';

const HEADER = ['楼栋', '单元', '房号', '姓名'] as const;
const MAX_ROWS = 20_000;
const MAX_FIELD = 32;

/**
 * Parses a census CSV (header 楼栋,单元,房号,姓名, as exported from a spreadsheet, BOM allowed). Every bad line is
 * reported at once so staff can fix the file in one go; nothing is imported while any line is wrong.
 */
export function parseCensusCsv(csv: string): CensusRow[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw new AppError('CENSUS_INVALID', {
      fields: [{ path: 'body.csv', message: `无法读取表格：${(error as Error).message}` }],
    });
  }
  const [header, ...lines] = records;
  if (!header || HEADER.some((h, i) => header[i] !== h)) {
    throw new AppError('CENSUS_INVALID', {
      fields: [{ path: 'body.csv', message: `第1行应为表头：${HEADER.join(',')}` }],
    });
  }
  if (lines.length === 0 || lines.length > MAX_ROWS) {
    throw new AppError('CENSUS_INVALID', {
      fields: [{ path: 'body.csv', message: `名单应有1到${MAX_ROWS}行住户` }],
    });
  }
  const errors: FieldError[] = [];
  const rows: CensusRow[] = [];
  lines.forEach((cells, i) => {
    const line = i + 2;
    const [building, unit, room, name] = HEADER.map((_, c) => (cells[c] ?? '').trim());
    const problems = HEADER.filter((label, c) => {
      const v = [building, unit, room, name][c];
      return !v || v.length > MAX_FIELD || (label === '姓名' && /\p{Cc}/u.test(v));
    });
    if (cells.length > HEADER.length || problems.length) {
      errors.push({
        path: `body.csv.line${line}`,
        message: problems.length ? `第${line}行：${problems.join('、')}为空或超过${MAX_FIELD}个字` : `第${line}行：列数多于4列`,
      });
    } else rows.push({ building, unit, room, name });
  });
  if (errors.length) throw new AppError('CENSUS_INVALID', { fields: errors.slice(0, 50) });
  return rows;
}
