import type { FieldError } from '@linli/shared';
import { parse } from 'csv-parse/sync';
import { AppError } from '../common/app-error.js';

const HEADER = ['楼栋', '单元', '房号'] as const;
const MAX_ROWS = 20_000;
const MAX_FIELD = 32;
/** Reported at most: enough to fix a file in one go, small enough to read. */
const MAX_ERRORS = 50;

export interface HouseholdRow {
  line: number;
  building: string;
  unit: string;
  room: string;
}

/**
 * The text of an uploaded file. Spreadsheets save CSV as UTF-8 (often with a BOM) or, in Chinese Excel, as GBK:
 * bytes that are not valid UTF-8 are read as GBK (Node's ICU decoder).
 */
export function decodeCsvBytes(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function invalid(fields: FieldError[]): AppError {
  return new AppError('HOUSEHOLDS_CSV_INVALID', { fields: fields.slice(0, MAX_ERRORS) });
}

/**
 * Parses a household CSV: 楼栋,单元,房号 per line, header row optional, BOM and blank lines tolerated, trailing
 * empty cells (a spreadsheet's extra columns) ignored. Every bad line is named at once and nothing is imported
 * while any line is wrong. Lines are numbered as the spreadsheet shows them.
 */
export function parseHouseholdCsv(csv: string): HouseholdRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw invalid([{ path: 'body.csv', message: `无法读取表格：${(error as Error).message}` }]);
  }
  const first = records[0]?.record;
  const lines = first && HEADER.every((h, i) => first[i] === h) ? records.slice(1) : records;
  const rows: HouseholdRow[] = [];
  const errors: FieldError[] = [];
  for (const { record, info } of lines) {
    const line = info.lines;
    const cells = [...record];
    while (cells.length > HEADER.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.every((c) => c === '')) continue;
    const [building = '', unit = '', room = ''] = cells;
    const empty = HEADER.filter((_, i) => ![building, unit, room][i]);
    const long = HEADER.filter((_, i) => [building, unit, room][i].length > MAX_FIELD);
    const problems: string[] = [];
    if (cells.length > HEADER.length) problems.push('多于3列（应为 楼栋,单元,房号）');
    if (empty.length) problems.push(`${empty.join('、')}为空`);
    if (long.length) problems.push(`${long.join('、')}超过${MAX_FIELD}个字`);
    if (problems.length) errors.push({ path: `body.csv.line${line}`, message: `第${line}行：${problems.join('；')}` });
    else rows.push({ line, building, unit, room });
  }
  if (errors.length) throw invalid(errors);
  if (rows.length === 0 || rows.length > MAX_ROWS) {
    throw invalid([{ path: 'body.csv', message: `表格应有1到${MAX_ROWS}户（每行：楼栋,单元,房号）` }]);
  }
  return rows;
}
