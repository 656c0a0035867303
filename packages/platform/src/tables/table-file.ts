// A table as a file people open in WPS or Excel: CSV (UTF-8 with BOM, CRLF) or XLSX (exceljs), formulas neutralised.
import ExcelJS from 'exceljs';

export type Cell = string | number;

export interface Table {
  /** Worksheet name and file name stem. */
  name: string;
  headers: string[];
  rows: Cell[][];
}

export interface TableFile {
  name: string;
  contentType: string;
  body: Buffer;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Without the BOM, WPS and Excel read UTF-8 CSV as GBK and show the Chinese as mojibake.
const BOM = '\uFEFF';

/** A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is kept as text. */
export function neutralised(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: Cell): string {
  const text = String(neutralised(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: Table): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

/** Display width of a text: a CJK character takes about two columns. */
function widthOf(text: string): number {
  return Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
}

export async function toXlsx(table: Table, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '连心 Lianxin';
  book.title = title;
  const sheet = book.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(neutralised));
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(
      ...[table.headers[i] ?? '', ...table.rows.map((r) => String(r[i] ?? ''))].map(widthOf),
    );
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `stem.csv` or `stem.xlsx` with its media type; `title` names the XLSX document. */
export async function tableFile(
  table: Table,
  format: 'csv' | 'xlsx',
  stem: string,
  title: string,
): Promise<TableFile> {
  return format === 'csv'
    ? { name: `${stem}.csv`, contentType: CSV_CONTENT_TYPE, body: toCsv(table) }
    : { name: `${stem}.xlsx`, contentType: XLSX_CONTENT_TYPE, body: await toXlsx(table, title) };
}

/** `Content-Disposition` for a download whose name may be Chinese (RFC 6266 / 5987), with an ASCII fallback. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
