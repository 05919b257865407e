import { AppError } from '../common/app-error.js';
import { parseCensusCsv } from './census-csv.js';

function fieldsOf(csv: string) {
  try {
    parseCensusCsv(csv);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CENSUS_INVALID');
    return (error as AppError).fields!;
  }
  throw new Error('expected CENSUS_INVALID');
}

describe('parseCensusCsv', () => {
  it('reads a spreadsheet export: BOM, CRLF, quotes, spaces, blank lines', () => {
    const csv = '\uFEFF楼栋,单元,房号,姓名\r\n1栋, 1单元 ,101,"张 三"\r\n\r\n2栋,2单元,502,李四\r\n';
    expect(parseCensusCsv(csv)).toEqual([
      { building: '1栋', unit: '1单元', room: '101', name: '张 三' },
      { building: '2栋', unit: '2单元', room: '502', name: '李四' },
    ]);
  });

  it('names every bad line at once', () => {
    const fields = fieldsOf('楼栋,单元,房号,姓名\n1栋,1单元,101,甲\n,1单元,102,乙\n1栋,1单元,103,丙,多余\n1栋,1单元,104,' + '名'.repeat(33));
    expect(fields.map((f) => f.path)).toEqual(['body.csv.line3', 'body.csv.line4', 'body.csv.line5']);
    expect(fields[0].message).toContain('楼栋');
    expect(fields[2].message).toContain('姓名');
  });

  it('wants the header and at least one household', () => {
    expect(fieldsOf('building,unit,room,name\n1,1,1,a')[0].message).toContain('表头');
    expect(fieldsOf('楼栋,单元,房号,姓名\n')[0].message).toContain('1到');
    expect(fieldsOf('楼栋,单元,房号,姓名\n"unterminated')[0].message).toContain('无法读取');
  });
});
