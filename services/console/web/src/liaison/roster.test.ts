// Reading staff lists as liaisons bring them: pasted from Excel, CSV in UTF-8 or GB18030, an .xlsx, with or without a header row.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  decodeCsv,
  problemsByRow,
  rosterFromFile,
  rosterFromText,
  ROSTER_MAX,
  type RosterParse,
} from './roster.ts';

function rowsOf(parse: RosterParse) {
  if (!parse.ok) throw new Error(`not parsed: ${parse.reason}`);
  return parse.rows;
}

describe('roster from text', () => {
  it('when rows are pasted from Excel without a header, then columns are name, mobile, position, branch, email and blanks are null', () => {
    const rows = rowsOf(
      rosterFromText(
        '张三\t13800138000\t客户经理\t营业部\tzs@bank.cn\n\n李四\t139 0013 9000\t\t城关支行\n',
      ),
    );
    expect(rows).toEqual([
      {
        name: '张三',
        mobile: '13800138000',
        position: '客户经理',
        branch: '营业部',
        email: 'zs@bank.cn',
      },
      { name: '李四', mobile: '139 0013 9000', position: null, branch: '城关支行', email: null },
    ]);
  });

  it('when the first row is a header in any order, then the columns follow it', () => {
    const rows = rowsOf(rosterFromText('手机号,所属网点,姓名\n13800138000,营业部,张三\n'));
    expect(rows).toEqual([
      { name: '张三', mobile: '13800138000', position: null, branch: '营业部', email: null },
    ]);
  });

  it('when a row lacks its name, then it is kept blank for the service to name the error', () => {
    expect(rowsOf(rosterFromText('\t13800138000\t柜员'))[0]).toMatchObject({ name: '' });
  });

  it('when there are more than 50 rows or none, then it says so instead of rows', () => {
    const many = Array.from(
      { length: ROSTER_MAX + 1 },
      (_, i) => `员工${i}\t1380013${String(i).padStart(4, '0')}`,
    );
    expect(rosterFromText(many.join('\n'))).toEqual({ ok: false, reason: 'too_many', count: 51 });
    expect(rosterFromText(' \n\t\n')).toMatchObject({ ok: false, reason: 'empty' });
    expect(rosterFromText('姓名,手机号\n')).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('roster from a file', () => {
  it('when a CSV was saved by Excel on a Chinese Windows (GB18030), then it reads the same as UTF-8 with a BOM', async () => {
    // "姓名,手机号\r\n王五,13700137000" in GB18030, as bytes.
    const gb = new Uint8Array([
      0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5, 0x0d, 0x0a, 0xcd, 0xf5,
      0xce, 0xe5, 0x2c, 0x31, 0x33, 0x37, 0x30, 0x30, 0x31, 0x33, 0x37, 0x30, 0x30, 0x30,
    ]);
    expect(decodeCsv(gb.buffer)).toBe('姓名,手机号\r\n王五,13700137000');
    const utf8 = new TextEncoder().encode('\uFEFF姓名,手机号\r\n王五,13700137000');
    const fromGb = rowsOf(await rosterFromFile('名单.csv', gb.buffer));
    const fromUtf8 = rowsOf(await rosterFromFile('名单.csv', utf8.buffer));
    expect(fromGb).toEqual(fromUtf8);
    expect(fromGb).toEqual([
      { name: '王五', mobile: '13700137000', position: null, branch: null, email: null },
    ]);
  });

  it('when an .xlsx holds a header and rows, numbers and rich text among them, then they are read as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '手机号码', '岗位', '网点']);
    sheet.addRow(['赵六', 13600136000, '理财经理', '北街支行']);
    sheet.addRow([{ richText: [{ text: '钱' }, { text: '七' }] }, '135 0013 5000', null, '营业部']);
    // As a browser hands a file over: an ArrayBuffer of its bytes.
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows = rowsOf(await rosterFromFile('staff.XLSX', bytes.buffer));
    expect(rows).toEqual([
      {
        name: '赵六',
        mobile: '13600136000',
        position: '理财经理',
        branch: '北街支行',
        email: null,
      },
      { name: '钱七', mobile: '135 0013 5000', position: null, branch: '营业部', email: null },
    ]);
  });

  it('when a file named .xlsx is not a workbook, then it is unreadable', async () => {
    const junk = new TextEncoder().encode('not a zip');
    expect(await rosterFromFile('x.xlsx', junk.buffer)).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
  });
});

describe('problems by row', () => {
  it('when a 400 names rows and fields, then each row gets its problems and other details are left out', () => {
    const zh = (s: string) => ({ zh: s, en: s });
    const byRow = problemsByRow([
      { path: 'attendees.1.mobile', rule: 'invalid_format', message: zh('手机号') },
      { path: 'attendees.3.name', rule: 'invalid_type', message: zh('必填') },
      { path: 'attendees.3.email', rule: 'invalid_format', message: zh('邮箱') },
      { path: 'attendees.4.nickname', rule: 'unrecognized_keys', message: zh('不允许') },
      { path: '', rule: 'invalid_union', message: zh('无效') },
    ]);
    expect([...byRow.keys()]).toEqual([1, 3, 4]);
    expect(byRow.get(3)?.map((p) => p.field)).toEqual(['name', 'email']);
    expect(byRow.get(4)?.[0]?.field).toBeNull();
  });
});
