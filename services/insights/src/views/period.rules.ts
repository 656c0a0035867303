// Reporting periods as people name them (2026, 2026-Q4, 2026-11, 2026-10-01..2026-12-31), bounded in Asia/Shanghai.
import { z } from 'zod';

/** China Standard Time has no daylight saving: a fixed +08:00. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface Period {
  /** As asked (normalised), e.g. `2026-Q4`. */
  label: string;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** Midnight in Shanghai of a calendar day, as a UTC instant. */
function shanghaiMidnight(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day) - SHANGHAI_OFFSET_MS);
}

function validDay(text: string): { y: number; m: number; d: number } | undefined {
  const [y, m, d] = text.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
    return undefined;
  }
  return { y, m, d };
}

/** The period `text` names, or undefined when it names none. */
export function parsePeriod(text: string): Period | undefined {
  let m = YEAR.exec(text);
  if (m) {
    const y = Number(m[1]);
    return { label: text, from: shanghaiMidnight(y, 0, 1), to: shanghaiMidnight(y + 1, 0, 1) };
  }
  m = QUARTER.exec(text);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return {
      label: text,
      from: shanghaiMidnight(y, (q - 1) * 3, 1),
      to: shanghaiMidnight(y, q * 3, 1),
    };
  }
  m = MONTH.exec(text);
  if (m) {
    const y = Number(m[1]);
    const month = Number(m[2]);
    return {
      label: text,
      from: shanghaiMidnight(y, month - 1, 1),
      to: shanghaiMidnight(y, month, 1),
    };
  }
  m = RANGE.exec(text);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    const a = validDay(m[1]);
    const b = validDay(m[2]);
    if (a === undefined || b === undefined) return undefined;
    const from = shanghaiMidnight(a.y, a.m - 1, a.d);
    const to = shanghaiMidnight(b.y, b.m - 1, b.d + 1);
    if (to <= from) return undefined;
    return { label: text, from, to };
  }
  return undefined;
}

/** The calendar quarter (Shanghai) that holds `now`. */
export function currentQuarter(now: Date): Period {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const q = Math.floor(local.getUTCMonth() / 3) + 1;
  const label = `${local.getUTCFullYear()}-Q${q}`;
  const period = parsePeriod(label);
  if (period === undefined) throw new Error(`quarter ${label} did not parse`);
  return period;
}

/** `YYYY-MM` of an instant in Shanghai. */
export function shanghaiMonth(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

export function within(period: Period, iso: string | undefined | null): boolean {
  if (iso === undefined || iso === null) return false;
  const t = Date.parse(iso);
  return t >= period.from.getTime() && t < period.to.getTime();
}

/** The query field: refuses what names no period, saying which forms it takes. */
export const PeriodParam = z
  .string()
  .max(40)
  .refine((s) => parsePeriod(s) !== undefined, {
    error: 'Expected a period: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD',
  })
  .optional();
