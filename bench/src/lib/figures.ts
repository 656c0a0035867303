// What a benchmark produces: figures, each Lianxin's path beside its ceiling over several rounds.
import { progress } from './progress.ts';
import { summarise, type Summary } from './stats.ts';

export interface Figure {
  bench: string;
  figure: string;
  unit: string;
  /** Whether more is better (throughput) or less (latency, memory, CPU). */
  better: 'higher' | 'lower';
  backend: string;
  lianxin: Summary | null;
  ceiling: Summary | null;
  /** What the ceiling is, or why a side has no figure. */
  note: string;
}

/** Lianxin's performance as a share of the ceiling's: 1 = at the ceiling, 0.1 = ten times worse. */
export function ratioOf(f: Figure): number | null {
  if (f.lianxin === null || f.ceiling === null) return null;
  const l = f.lianxin.median;
  const c = f.ceiling.median;
  if (l === 0 || c === 0) return null;
  return f.better === 'higher' ? l / c : c / l;
}

export interface Rounds<C, L> {
  ceiling: C[];
  lianxin: L[];
}

/**
 * Runs the ceiling and Lianxin's path alternately — the order swapped each round so neither
 * always runs on a warmer or a more loaded machine — and drops the warm-up rounds.
 */
export async function alternate<C, L>(
  label: string,
  opts: { warmup: number; rounds: number },
  ceiling: (round: number) => Promise<C>,
  lianxin: (round: number) => Promise<L>,
  describe: { ceiling: (c: C) => string; lianxin: (l: L) => string },
): Promise<Rounds<C, L>> {
  const out: Rounds<C, L> = { ceiling: [], lianxin: [] };
  const total = opts.warmup + opts.rounds;
  for (let r = 0; r < total; r += 1) {
    const warm = r < opts.warmup;
    const tag = warm ? 'warm-up' : `round ${r - opts.warmup + 1}/${opts.rounds}`;
    const runCeiling = async () => {
      const c = await ceiling(r);
      progress(`${label} ${tag}: ceiling ${describe.ceiling(c)}`);
      if (!warm) out.ceiling.push(c);
    };
    const runLianxin = async () => {
      const l = await lianxin(r);
      progress(`${label} ${tag}: Lianxin ${describe.lianxin(l)}`);
      if (!warm) out.lianxin.push(l);
    };
    if (r % 2 === 0) {
      await runCeiling();
      await runLianxin();
    } else {
      await runLianxin();
      await runCeiling();
    }
  }
  return out;
}

/** A figure from per-round values of each side. */
export function figure(
  base: Omit<Figure, 'lianxin' | 'ceiling'>,
  lianxin: number[] | null,
  ceiling: number[] | null,
): Figure {
  return {
    ...base,
    lianxin: lianxin === null || lianxin.length === 0 ? null : summarise(lianxin),
    ceiling: ceiling === null || ceiling.length === 0 ? null : summarise(ceiling),
  };
}
