// Small statistics for benchmark rounds: percentiles of latencies, median and spread of rounds.

/** The p-th percentile (0–100) of `values` by nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: how far apart the rounds were. */
  spread: number;
  rounds: number[];
}

export function summarise(rounds: readonly number[]): Summary {
  const m = median(rounds);
  const min = Math.min(...rounds);
  const max = Math.max(...rounds);
  return {
    median: m,
    min,
    max,
    spread: rounds.length > 1 && m !== 0 ? (max - min) / Math.abs(m) : 0,
    rounds: [...rounds],
  };
}

/** A number for a table: 3 significant digits, thousands grouped. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}
