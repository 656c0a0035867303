// A staff list as liaisons have it — pasted from Excel, a .csv or an .xlsx — read into rows for one batch registration.
import Papa from 'papaparse';
import type { ErrorDetail } from '../api.ts';
import type { AttendeeBody } from './api.ts';

/** The registration route's batch limit (outreach's BATCH_MAX). */
export const ROSTER_MAX = 50;

export type RosterField = 'name' | 'mobile' | 'position' | 'branch' | 'email';

/** Columns in this order when the list has no header row. */
const DEFAULT_ORDER: readonly RosterField[] = ['name', 'mobile', 'position', 'branch', 'email'];

// Header words liaisons' sheets use; compared without spaces, case-insensitively.
const HEADERS: Record<RosterField, readonly string[]> = {
  name: ['姓名', '名字', '员工姓名', 'name'],
  mobile: ['手机', '手机号', '手机号码', '电话', '联系电话', 'mobile', 'phone', 'tel'],
  position: ['职务', '岗位', '职位', 'position', 'title', 'job'],
  branch: ['网点', '支行', '所属网点', '所属支行', '部门', 'branch', 'department'],
  email: ['邮箱', '电子邮箱', '邮件', 'email', 'e-mail', 'mail'],
};

export type RosterParse =
  | { ok: true; rows: AttendeeBody[] }
  | { ok: false; reason: 'empty' | 'too_many' | 'unreadable'; count: number };

const clean = (cell: string | undefined): string => (cell ?? '').replace(/\s+/g, ' ').trim();

function headerField(cell: string): RosterField | undefined {
  const key = cell.replace(/\s/g, '').toLowerCase();
  return DEFAULT_ORDER.find((field) => HEADERS[field].includes(key));
}

/** Cells (rows of strings, as a sheet holds them) → attendees, a header row mapping the columns if there is one. */
export function rosterFromCells(cells: readonly (readonly string[])[]): RosterParse {
  const rows = cells.map((row) => row.map(clean)).filter((row) => row.some((c) => c !== ''));
  const first = rows[0];
  if (first === undefined) return { ok: false, reason: 'empty', count: 0 };
  const named = first.map(headerField);
  const hasHeader = named.includes('name') || named.includes('mobile');
  const order: readonly (RosterField | undefined)[] = hasHeader ? named : DEFAULT_ORDER;
  const body = hasHeader ? rows.slice(1) : rows;
  if (body.length === 0) return { ok: false, reason: 'empty', count: 0 };
  if (body.length > ROSTER_MAX) return { ok: false, reason: 'too_many', count: body.length };
  return {
    ok: true,
    rows: body.map((row) => {
      const value = (field: RosterField): string => {
        const at = order.indexOf(field);
        return at < 0 ? '' : clean(row[at]);
      };
      const optional = (field: RosterField): string | null => {
        const v = value(field);
        return v === '' ? null : v;
      };
      // The name and mobile go as typed, even blank: the service says what is wrong with them.
      return {
        name: value('name'),
        mobile: value('mobile'),
        position: optional('position'),
        branch: optional('branch'),
        email: optional('email'),
      };
    }),
  };
}

/** Text pasted from Excel (tab-separated) or a CSV file's text (comma, semicolon or full-width comma). */
export function rosterFromText(text: string): RosterParse {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: ['\t', ',', '，', ';', '|'],
  });
  return rosterFromCells(parsed.data);
}

/** A CSV file's text: UTF-8 (with or without BOM), else GB18030, which Excel on a Chinese Windows writes. */
export function decodeCsv(data: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

type CellValue = unknown;

/** An Excel cell as text: rich text, hyperlinks and formulas give what the sheet shows. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

/** The first sheet of an .xlsx file as rows of text. exceljs is loaded only when a workbook is read. */
export async function cellsOfWorkbook(data: ArrayBuffer): Promise<string[][]> {
  // exceljs is CommonJS (a UMD bundle in the browser): its exports are the module's default.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    // Cells are numbered from 1; a gap is an empty cell.
    for (let col = 1; col <= row.cellCount; col += 1) cells.push(cellText(row.getCell(col).value));
    rows.push(cells);
  });
  return rows;
}

/** An uploaded file: .xlsx by its content, anything else read as CSV text. */
export async function rosterFromFile(name: string, data: ArrayBuffer): Promise<RosterParse> {
  if (/\.xlsx$/i.test(name)) {
    try {
      return rosterFromCells(await cellsOfWorkbook(data));
    } catch {
      return { ok: false, reason: 'unreadable', count: 0 };
    }
  }
  return rosterFromText(decodeCsv(data));
}

export interface RowProblem {
  field: RosterField | null;
  message: { zh: string; en: string };
}

/** A 400's details (`attendees.3.mobile`) by row index; a detail not about one row is left out. */
export function problemsByRow(details: readonly ErrorDetail[]): Map<number, RowProblem[]> {
  const out = new Map<number, RowProblem[]>();
  for (const detail of details) {
    const match = /^attendees\.(\d+)(?:\.([a-z]+))?/.exec(detail.path);
    if (match === null) continue;
    const index = Number(match[1]);
    const field = DEFAULT_ORDER.find((f) => f === match[2]) ?? null;
    out.set(index, [...(out.get(index) ?? []), { field, message: detail.message }]);
  }
  return out;
}
