// GET /sessions/:id/registrations/export on the real database: CSV with a BOM and XLSX read back, Chinese headers, masked mobiles, bank scope.
import ExcelJS from 'exceljs';
import { maskMobile } from '@lianxin/contracts';
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import {
  attendee,
  liaisonToken,
  register,
  scheduleForum,
  seedBanks,
  uniqueMobile,
} from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, outreachService);
const coordinator = h.as('coordinator');

const HEADERS = [
  '序号',
  '银行',
  '姓名',
  '手机号',
  '邮箱',
  '职务',
  '网点',
  '状态',
  '候补位次',
  '候补原因',
  '报名时间',
  '签到时间',
];
const SHANGHAI_MINUTE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** A forum of two banks with 2 seats: bank A fills them, bank B's attendee waits first in line. */
async function forumWithThree() {
  const [a, b] = await seedBanks(h.db, 2);
  if (!a || !b) throw new Error('no banks');
  const sessionId = await scheduleForum(h, [a, b], { capacity: 2, perBankQuota: null });
  const mobiles = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
  const ta = await liaisonToken(a);
  const tb = await liaisonToken(b);
  for (const [i, [t, m]] of [
    [ta, mobiles[0]],
    [ta, mobiles[1]],
    [tb, mobiles[2]],
  ].entries()) {
    const res = await register(h, String(t), sessionId, {
      ...attendee(i + 1, String(m)),
      email: `staff${i + 1}@bank.example.cn`,
    });
    if (res.statusCode !== 201) throw new Error(`not registered: ${res.body}`);
  }
  const names = await h.models.banks.find({ _id: { $in: [a.bankId, b.bankId] } }).lean();
  const short = (id: string) => names.find((n) => n._id === id)?.shortName ?? '';
  return { a, b, sessionId, mobiles, shortA: short(a.bankId), shortB: short(b.bankId) };
}

/** The data rows, registration and check-in times checked apart (they are now-ish). */
function withoutTimes(rows: unknown[][]): unknown[][] {
  for (const row of rows) {
    expect(String(row[10])).toMatch(SHANGHAI_MINUTE);
    expect(row[11] ?? '').toBe('');
  }
  return rows.map((r) => r.slice(0, 10));
}

// One forum for the whole file (every test only reads it): scheduling and registering are the slow part.
const f = await forumWithThree();

describe('exporting registrations', () => {
  it('when a coordinator exports CSV, then it is UTF-8 with a BOM, Chinese headers, masked mobiles and emails, statuses in Chinese and the waitlist place', async () => {
    const res = await coordinator(
      'GET',
      `/sessions/${f.sessionId}/registrations/export?format=csv`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''%E6%8A%A5%E5%90%8D%E5%90%8D%E5%8D%95-/,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = res.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(header).toBe(HEADERS.join(','));
    expect(lines.at(-1)).toBe('');
    const rows = withoutTimes(lines.slice(0, -1).map((l) => l.split(',')));
    expect(rows).toEqual([
      [
        '1',
        f.shortA,
        '员工1',
        maskMobile(f.mobiles[0] ?? ''),
        's***@bank.example.cn',
        '客户经理',
        '香河支行营业部',
        '报名成功',
        '',
        '',
      ],
      [
        '2',
        f.shortA,
        '员工2',
        maskMobile(f.mobiles[1] ?? ''),
        's***@bank.example.cn',
        '客户经理',
        '香河支行营业部',
        '报名成功',
        '',
        '',
      ],
      [
        '3',
        f.shortB,
        '员工3',
        maskMobile(f.mobiles[2] ?? ''),
        's***@bank.example.cn',
        '客户经理',
        '香河支行营业部',
        '候补中',
        '1',
        '会场名额已满',
      ],
    ]);
    expect(res.rawPayload.toString('utf8')).not.toContain(f.mobiles[0]);
  });

  it('when a coordinator exports XLSX, then reading the workbook back gives the same rows with numbers as numbers', async () => {
    const res = await coordinator(
      'GET',
      `/sessions/${f.sessionId}/registrations/export?format=xlsx`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(res.rawPayload).buffer);
    const sheet = book.getWorksheet('报名名单');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(HEADERS);
    expect(withoutTimes(rows.slice(1))).toEqual([
      [
        1,
        f.shortA,
        '员工1',
        maskMobile(f.mobiles[0] ?? ''),
        's***@bank.example.cn',
        '客户经理',
        '香河支行营业部',
        '报名成功',
        '',
        '',
      ],
      [
        2,
        f.shortA,
        '员工2',
        maskMobile(f.mobiles[1] ?? ''),
        's***@bank.example.cn',
        '客户经理',
        '香河支行营业部',
        '报名成功',
        '',
        '',
      ],
      [
        3,
        f.shortB,
        '员工3',
        maskMobile(f.mobiles[2] ?? ''),
        's***@bank.example.cn',
        '客户经理',
        '香河支行营业部',
        '候补中',
        1,
        '会场名额已满',
      ],
    ]);
  });

  it('when a liaison exports, then the file holds only their own bank; a bank not invited gets 404', async () => {
    const res = await h.as({ liaison: f.b.bankId })(
      'GET',
      `/sessions/${f.sessionId}/registrations/export`,
    );
    expect(res.statusCode).toBe(200);
    const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(1, -1).map((l) => l.split(',').slice(1, 3))).toEqual([[f.shortB, '员工3']]);
    const [stranger] = await seedBanks(h.db, 1);
    const other = await h.as({ liaison: stranger?.bankId ?? '' })(
      'GET',
      `/sessions/${f.sessionId}/registrations/export`,
    );
    expect(other.statusCode).toBe(404);
  });

  it('when the format is unknown or the session does not exist, then 400 names the format and 404 the session', async () => {
    const bad = await coordinator(
      'GET',
      `/sessions/${f.sessionId}/registrations/export?format=pdf`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'format',
    );
    const missing = await coordinator(
      'GET',
      '/sessions/0123456789abcdef01234567/registrations/export',
    );
    expect(missing.statusCode).toBe(404);
  });
});
