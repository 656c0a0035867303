// The report's merge of an earlier run: what a re-run replaces and what it carries over.
import { describe, expect, it } from 'vitest';
import type { Figure } from './lib/figures.ts';
import { measuredBy, mergeEarlier } from './report.ts';

const fig = (bench: string, backend: string, name: string, value: number): Figure => ({
  bench,
  backend,
  figure: name,
  unit: 'ms',
  better: 'lower',
  note: '',
  lianxin: { median: value, min: value, max: value, spread: 0, rounds: [value] },
  ceiling: null,
});

describe('merging an earlier report', () => {
  it('when the burst is re-run, then the earlier memory figures of that backend go with it and the others stay', () => {
    const earlier = {
      started: '2026-12-01T18:25:40.437Z',
      figures: [
        fig('burst', 'postgresql', 'burst: p99', 1),
        fig('memory', 'postgresql', 'memory: outreach', 2),
        fig('memory', 'sqlite', 'memory: outreach', 3),
        fig('relay', 'postgresql', 'relay', 4),
      ],
      profiles: [],
      failures: ['postgresql burst failed: x', 'postgresql relay failed: y'],
    };
    const now = [
      fig('burst', 'postgresql', 'burst: p99', 10),
      fig('memory', 'postgresql', 'memory: outreach', 20),
    ];
    const merged = mergeEarlier(
      earlier,
      { benches: measuredBy(['burst']), backends: new Set(['postgresql']) },
      { figures: now, profiles: [], failures: [] },
    );
    expect(
      merged.figures.map((f) => `${f.bench}/${f.backend}/${f.lianxin?.median}`).sort(),
    ).toEqual(
      [
        'burst/postgresql/10',
        'memory/postgresql/20',
        'memory/sqlite/3',
        'relay/postgresql/4',
      ].sort(),
    );
    expect(merged.failures).toEqual(['postgresql relay failed: y']);
    expect(merged.kept.sort()).toEqual(['memory (sqlite)', 'relay (postgresql)']);
  });

  it('when a run selects benchmarks without the burst, then memory is not among what it measures', () => {
    expect([...measuredBy(['relay', 'e2e'])].sort()).toEqual(['e2e', 'relay']);
    expect(measuredBy(['burst']).has('memory')).toBe(true);
  });
});
