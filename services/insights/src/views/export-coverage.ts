// Exports a coverage table as CSV (UTF-8 with BOM, CRLF: WPS and Excel open it as Chinese) or XLSX (the platform's table files).
import type { BankScope } from '@lianxin/platform/auth';
import { tableFile, type TableFile } from '@lianxin/platform/tables';
import type { Deps } from '../shared/deps.ts';
import type { EXPORT_VIEWS } from './coverage.schemas.ts';
import {
  audienceTable,
  bankTable,
  feedbackTable,
  followUpTable,
  monthTable,
  type Table,
} from './coverage.view.ts';
import {
  readAudienceCoverage,
  readBankCoverage,
  readFeedbackCoverage,
  readFollowUpCoverage,
  readMonthlyCoverage,
} from './read-coverage.ts';

export type ExportFile = TableFile;

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
  return tableFile(table, format, stem, `${table.name} ${label}`);
}
