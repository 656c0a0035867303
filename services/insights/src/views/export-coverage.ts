// Exports a coverage table as CSV (UTF-8 with BOM, CRLF: WPS and Excel open it as Chinese) or XLSX (exceljs).
import type { BankScope } from '@lianxin/platform/auth';
import ExcelJS from 'exceljs';
import type { Deps } from '../shared/deps.ts';
import type { EXPORT_VIEWS } from './coverage.schemas.ts';
import {
  audienceTable,
  bankTable,
  feedbackTable,
  followUpTable,
  monthTable,
  type Cell,
  type Table,
} from './coverage.view.ts';
import {
  readAudienceCoverage,
  readBankCoverage,
  readFeedbackCoverage,
  readFollowUpCoverage,
  readMonthlyCoverage,
} from './read-coverage.ts';

const BOM = '\uFEFF';

/** A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is kept as text. */
function neutralised(value: Cell): Cell {
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

export async function toXlsx(table: Table, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '连心 Lianxin';
  book.title = title;
  const sheet = book.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(neutralised));
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(
      ...[table.headers[i] ?? '', ...table.rows.map((r) => String(r[i] ?? ''))].map(
        // A Chinese character is about two columns wide.
        (text) => Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
      ),
    );
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface ExportFile {
  name: string;
  contentType: string;
  body: Buffer;
}

async function tableOf(
  deps: Deps,
  scope: BankScope,
  view: (typeof EXPORT_VIEWS)[number],
  period: string | undefined,
): Promise<{ label: string; table: Table }> {
  switch (view) {
    case 'banks': {
      const c = await readBankCoverage(deps, scope, period);
      return { label: c.period.label, table: bankTable(c.rows) };
    }
    case 'audiences': {
      const c = await readAudienceCoverage(deps, period);
      return { label: c.period.label, table: audienceTable(c.rows) };
    }
    case 'monthly': {
      const c = await readMonthlyCoverage(deps, period);
      return { label: c.period.label, table: monthTable(c.rows) };
    }
    case 'feedback': {
      const c = await readFeedbackCoverage(deps, period);
      return { label: c.period.label, table: feedbackTable(c.rows) };
    }
    case 'follow-ups': {
      const c = await readFollowUpCoverage(deps, period);
      return { label: c.period.label, table: followUpTable(c.rows) };
    }
  }
}

/** One view of one period as a file, named e.g. `银行覆盖-2026-Q4.xlsx`. */
export async function exportView(
  deps: Deps,
  scope: BankScope,
  view: (typeof EXPORT_VIEWS)[number],
  format: 'csv' | 'xlsx',
  period: string | undefined,
): Promise<ExportFile> {
  const { label, table } = await tableOf(deps, scope, view, period);
  const stem = `${table.name}-${label.replace(/[^0-9A-Za-z-]/g, '_')}`;
  return format === 'csv'
    ? { name: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(table) }
    : {
        name: `${stem}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await toXlsx(table, `${table.name} ${label}`),
      };
}
