// The report: a Markdown table (figure, Lianxin, ceiling, ratio, cores, backend) and the same data as JSON.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ratioOf, type Figure } from './lib/figures.ts';
import { fmt, type Summary } from './lib/stats.ts';
import type { ProfileReport } from './profile.ts';

export interface ReportInput {
  dir: string;
  started: Date;
  seconds: number;
  quick: boolean;
  rounds: number;
  warmup: number;
  cores: number;
  figures: Figure[];
  profiles: ProfileReport[];
  failures: string[];
  /** Runs whose figures this report carries beside its own (`--merge`), named in the header. */
  mergedFrom?: { started: string; benches: string[] }[];
}

/** What `--merge` reads back from an earlier run's `.json`. */
export interface EarlierReport {
  started: string;
  figures: (Figure & { ratio?: number | null })[];
  profiles: ProfileReport[];
  failures: string[];
}

/** The figure groups a run of these benchmarks measures: the burst also measures `memory`. */
export function measuredBy(selected: readonly string[]): Set<string> {
  const out = new Set(selected);
  if (out.has('burst')) out.add('memory');
  return out;
}

/**
 * Folds an earlier run into this one: its figures and profiles of what this run did not repeat
 * are kept (a re-run replaces a benchmark's figures on the backends it ran on), and its failures
 * of a benchmark this run repeated on that backend are dropped.
 */
export function mergeEarlier(
  earlier: EarlierReport,
  rerun: { benches: ReadonlySet<string>; backends: ReadonlySet<string> },
  now: { figures: Figure[]; profiles: ProfileReport[]; failures: string[] },
): { figures: Figure[]; profiles: ProfileReport[]; failures: string[]; kept: string[] } {
  const repeated = (bench: string, backend: string) =>
    rerun.benches.has(bench) && rerun.backends.has(backend);
  const keptFigures = earlier.figures
    .filter((f) => !repeated(f.bench, f.backend))
    .map(({ ratio: _ratio, ...f }) => f);
  const failures = earlier.failures.filter((msg) => {
    const [backend = '', bench = ''] = msg.split(' ');
    return !repeated(bench, backend);
  });
  return {
    figures: [...keptFigures, ...now.figures],
    profiles: [...earlier.profiles, ...now.profiles],
    failures: [...failures, ...now.failures],
    kept: [...new Set(keptFigures.map((f) => `${f.bench} (${f.backend})`))],
  };
}

function cell(s: Summary | null, unit: string, note: string): string {
  if (s === null) return note;
  const spread = s.rounds.length > 1 ? ` (${fmt(s.min)}–${fmt(s.max)})` : '';
  return `${fmt(s.median)} ${unit}${spread}`;
}

function ratioCell(f: Figure): string {
  const r = ratioOf(f);
  return r === null ? '–' : r.toFixed(2);
}

export async function writeReport(r: ReportInput): Promise<{ md: string; json: string }> {
  await mkdir(r.dir, { recursive: true });
  const date = r.started.toISOString().slice(0, 10);
  const name = r.quick ? `${date}-quick` : date;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const lines = [
    `# pnpm bench — ${r.started.toISOString()}${r.quick ? ' (--quick)' : ''}`,
    '',
    `${r.quick ? 'Quick run: each benchmark once, no warm-up, smaller data where noted' : `${r.rounds} rounds after ${r.warmup} warm-up round, ceiling and Lianxin alternating`}; ` +
      `${r.cores} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB; load average at the end ${load}; took ${Math.round(r.seconds)} s.`,
    ...(r.mergedFrom ?? []).map(
      (m) => `Carried over from the run of ${m.started} (\`--merge\`): ${m.benches.join(', ')}.`,
    ),
    '',
    'Lianxin and ceiling cells: median of the rounds, (min–max) when there were several. ' +
      'Ratio: Lianxin as a share of the ceiling (1 = as fast as the ceiling; 0.1 = ten times slower or larger).',
    '',
    '| figure | backend | Lianxin | ceiling | ratio | cores |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.figures.map(
      (f) =>
        `| ${f.figure} | ${f.backend} | ${cell(f.lianxin, f.unit, f.note)} | ${cell(f.ceiling, f.unit, '–')} | ${ratioCell(f)} | ${r.cores} |`,
    ),
    '',
    '## What each figure measures',
    '',
    ...[...new Map(r.figures.map((f) => [`${f.bench}|${f.note}`, f])).values()].map(
      (f) => `- **${f.bench}** (${f.backend}): ${f.note}`,
    ),
  ];
  if (r.profiles.length > 0) {
    lines.push('', '## CPU profile of the worst ratio', '');
    for (const p of r.profiles) {
      lines.push(
        `**${p.figure}** (${p.backend}, ratio ${p.ratio.toFixed(2)}): the benchmark once more with \`--cpu-prof\` on the services. ` +
          `CPU used during it (${fmt(p.cpu.wall ?? 0)} s of wall time): ` +
          Object.entries(p.cpu)
            .filter(([k]) => k !== 'wall')
            .map(([k, v]) => `${k} ${fmt(v)} s`)
            .join(', ') +
          `. The busiest service, ${p.service}: ${fmt(p.totalMs)} ms of CPU sampled (start-up left out). Self time by where the code lives:`,
        '',
        '| where | self time | share |',
        '| --- | --- | --- |',
        ...p.byPlace.map(
          (e) => `| ${e.name} | ${fmt(e.ms)} ms | ${(e.share * 100).toFixed(1)} % |`,
        ),
        '',
        'Hottest functions (self time):',
        '',
        '| function | where | self time | share |',
        '| --- | --- | --- | --- |',
        ...p.byFunction.map(
          (e) => `| ${e.name} | ${e.place} | ${fmt(e.ms)} ms | ${(e.share * 100).toFixed(1)} % |`,
        ),
        '',
      );
    }
  }
  if (r.failures.length > 0) lines.push('', '## Failures', '', ...r.failures.map((f) => `- ${f}`));
  const md = join(r.dir, `${name}.md`);
  const json = join(r.dir, `${name}.json`);
  await writeFile(md, `${lines.join('\n')}\n`);
  await writeFile(
    json,
    `${JSON.stringify(
      {
        started: r.started.toISOString(),
        seconds: r.seconds,
        quick: r.quick,
        rounds: r.rounds,
        warmup: r.warmup,
        cores: r.cores,
        cpu,
        loadAverage: loadavg(),
        figures: r.figures.map((f) => ({ ...f, ratio: ratioOf(f) })),
        profiles: r.profiles,
        failures: r.failures,
        mergedFrom: r.mergedFrom ?? [],
      },
      null,
      2,
    )}\n`,
  );
  return { md, json };
}
