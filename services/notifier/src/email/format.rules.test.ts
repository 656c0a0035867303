// Unit tests for how values read in emails: Beijing time whatever the server's zone, yuan from fen, labels.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatLabel, formatTime, formatYuan } from './format.rules.ts';

describe('format', () => {
  it('when a UTC instant is shown, then it reads in Beijing time in both languages', () => {
    const iso = '2026-12-02T01:30:00.000Z';
    expect(formatTime(iso, 'zh')).toBe('09:30');
    expect(formatDateTime(iso, 'zh')).toContain('2026年12月2日');
    expect(formatDateTime(iso, 'zh')).toContain('09:30');
    expect(formatDateTime(iso, 'en')).toContain('2 December 2026');
  });

  it('when an instant crosses midnight in Beijing, then the Beijing date is shown', () => {
    expect(formatDateTime('2026-12-02T17:00:00.000Z', 'zh')).toContain('12月3日');
  });

  it('when money is shown, then fen become yuan with two decimals', () => {
    expect(formatYuan(38_000_000, 'zh')).toBe('¥380,000.00');
    expect(formatYuan(5, 'en')).toContain('0.05');
  });

  it('when a code is shown, then its label in the language is used', () => {
    expect(formatLabel('FraudType', 'fake_investment', 'zh')).toBe('虚假投资理财');
    expect(formatLabel('Role', 'liaison', 'en')).toBe('Bank liaison');
    expect(() => formatLabel('Nope', 'x', 'zh')).toThrow(RangeError);
  });
});
