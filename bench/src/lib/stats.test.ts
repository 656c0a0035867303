// Unit tests of the bench's statistics: percentiles by nearest rank, median and spread of rounds.
import { describe, expect, it } from 'vitest';
import { fmt, percentile, summarise } from './stats.ts';

describe('percentile', () => {
  it('when asked for p50 and p99 of 1..100, then it answers 50 and 99 (nearest rank)', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });

  it('when there are no values, then the percentile is NaN, not 0', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarise', () => {
  it('when rounds differ, then the spread is their range over the median', () => {
    const s = summarise([90, 100, 120]);
    expect(s).toMatchObject({ median: 100, min: 90, max: 120 });
    expect(s.spread).toBeCloseTo(0.3);
  });

  it('when there is one round, then the spread is 0', () => {
    expect(summarise([42]).spread).toBe(0);
  });
});

describe('fmt', () => {
  it('when numbers are large or small, then it keeps three significant digits or so', () => {
    expect(fmt(12345.6)).toBe('12,346');
    expect(fmt(3.14159)).toBe('3.14');
    expect(fmt(Number.NaN)).toBe('–');
  });
});
