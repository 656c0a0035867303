// Unit tests of the table files: the CSV's BOM, quoting and formula guard; the XLSX read back cell by cell.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachment, toCsv, toXlsx, type Table } from './table-file.ts';

const table: Table = {
  name: '报名名单',
  headers: ['姓名', '备注', '人数'],
  rows: [
    ['张三', '说"你好", 然后\n换行', 3],
    ['=HYPERLINK("x")', '+86', 0],
  ],
};

describe('table files', () => {
  it('when a table becomes CSV, then it starts with the UTF-8 BOM, quotes what needs quoting and keeps formulas as text', () => {
    const text = toCsv(table).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      '姓名,备注,人数',
      '张三,"说""你好"", 然后\n换行",3',
      `"'=HYPERLINK(""x"")",'+86,0`,
      '',
    ]);
  });

  it('when a table becomes XLSX, then reading it back gives the headers and every row, formulas as text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(await toXlsx(table, '报名名单 测试')).buffer);
    const sheet = book.getWorksheet('报名名单');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['姓名', '备注', '人数'],
      ['张三', '说"你好", 然后\n换行', 3],
      [`'=HYPERLINK("x")`, `'+86`, 0],
    ]);
  });

  it('when a file name is Chinese, then the disposition carries it encoded with an ASCII fallback', () => {
    expect(attachment('报名名单-1.csv')).toBe(
      `attachment; filename="____-1.csv"; filename*=UTF-8''${encodeURIComponent('报名名单-1.csv')}`,
    );
  });
});
