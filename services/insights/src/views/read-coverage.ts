// The coverage use cases: one view of the facts for a period, scoped to what the caller may see.
import { assertInScope, type BankScope } from '@lianxin/platform/auth';
import { notFound } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import {
  audienceRows,
  bankRows,
  feedbackRows,
  followUpRows,
  monthRows,
  type AudienceRow,
  type BankRow,
  type FollowUpRow,
  type FormatFeedbackRow,
  type MonthRow,
  type OfficerFeedbackRow,
} from './coverage.rules.ts';
import { gaps, type BankGap, type CellGap } from './gap.rules.ts';
import { currentQuarter, parsePeriod, type Period } from './period.rules.ts';

export interface Coverage<R> {
  period: Period;
  rows: R;
}

/** The period asked for (already validated at the edge), or the current quarter. */
function periodOf(deps: Deps, text: string | undefined): Period {
  return (text === undefined ? undefined : parsePeriod(text)) ?? currentQuarter(deps.now());
}

/** Every bank the caller may see: all for staff, their own for a liaison. */
export async function readBankCoverage(
  deps: Deps,
  scope: BankScope,
  periodText?: string,
): Promise<Coverage<BankRow[]>> {
  const period = periodOf(deps, periodText);
  const rows = bankRows(await deps.facts.all(), period, deps.now());
  return { period, rows: rows.filter((r) => scope.allows(r.bankId)) };
}

/** One bank; another bank's (for a liaison) or an unknown one answers 404. */
export async function readOneBankCoverage(
  deps: Deps,
  scope: BankScope,
  bankId: string,
  periodText?: string,
): Promise<Coverage<BankRow>> {
  assertInScope(scope, bankId);
  const { period, rows } = await readBankCoverage(deps, scope, periodText);
  const row = rows.find((r) => r.bankId === bankId);
  if (row === undefined) throw notFound();
  return { period, rows: row };
}

export async function readAudienceCoverage(
  deps: Deps,
  periodText?: string,
): Promise<Coverage<AudienceRow[]>> {
  const period = periodOf(deps, periodText);
  return { period, rows: audienceRows(await deps.facts.all(), period, deps.now()) };
}

export async function readMonthlyCoverage(
  deps: Deps,
  periodText?: string,
): Promise<Coverage<MonthRow[]>> {
  const period = periodOf(deps, periodText);
  return { period, rows: monthRows(await deps.facts.all(), period, deps.now()) };
}

export async function readFeedbackCoverage(
  deps: Deps,
  periodText?: string,
): Promise<Coverage<{ byOfficer: OfficerFeedbackRow[]; byFormat: FormatFeedbackRow[] }>> {
  const period = periodOf(deps, periodText);
  return { period, rows: feedbackRows(await deps.facts.all(), period) };
}

export async function readFollowUpCoverage(
  deps: Deps,
  periodText?: string,
): Promise<Coverage<FollowUpRow[]>> {
  const period = periodOf(deps, periodText);
  return { period, rows: followUpRows(await deps.facts.all(), period, deps.now()) };
}

export async function findGaps(
  deps: Deps,
  periodText: string | undefined,
  days: number | undefined,
): Promise<Coverage<{ days: number; banks: BankGap[]; cells: CellGap[] }>> {
  const period = periodOf(deps, periodText);
  const now = deps.now();
  const facts = await deps.facts.all();
  const threshold = days ?? deps.gapDays;
  const found = gaps(
    facts,
    bankRows(facts, period, now),
    audienceRows(facts, period, now),
    threshold,
  );
  return { period, rows: { days: threshold, ...found } };
}
