// Unit tests of the digest calendar: due on Monday 09:00 Beijing time for the week before, ISO week keys.
import { describe, expect, it } from 'vitest';
import { dueDigestWeek, isoWeek } from './digest.rules.ts';

describe('dueDigestWeek', () => {
  it('when it is Monday 09:00 Beijing time, then last week (Mon–Sun) is due now', () => {
    const now = new Date('2026-11-30T01:00:00.000Z'); // Mon 30 Nov 09:00 in Beijing
    expect(dueDigestWeek(now)).toEqual({
      week: '2026-W48',
      start: new Date('2026-11-22T16:00:00.000Z'),
      end: new Date('2026-11-29T16:00:00.000Z'),
      dueAt: now,
    });
  });

  it('when it is Monday 08:59 Beijing time, then the week before last is still the latest due', () => {
    const due = dueDigestWeek(new Date('2026-11-30T00:59:00.000Z'));
    expect(due.week).toBe('2026-W47');
    expect(due.end).toEqual(new Date('2026-11-22T16:00:00.000Z'));
  });

  it('when it is Sunday late evening in Beijing but already Monday in no zone, then last week is not yet due', () => {
    expect(dueDigestWeek(new Date('2026-12-06T15:00:00.000Z')).week).toBe('2026-W48');
  });

  it('when the week spans new year, then the ISO week belongs to the year of its Thursday', () => {
    expect(isoWeek(new Date('2026-12-28T00:00:00.000Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-04T00:00:00.000Z'))).toBe('2027-W01');
  });
});
