// Unit tests for the event envelope: defaults, normalisation and the shape of names.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AnyEnvelope, Envelope, EventTypeName } from './envelope.ts';
import { EventType } from './events/event-map.ts';

const raw = {
  id: randomUUID(),
  type: 'session.scheduled',
  source: 'outreach',
  subject: '65a1b2c3d4e5f60718293b01',
  sequence: 3,
  time: '2025-04-02T10:00:00+08:00',
  data: { n: 1 },
};

describe('Envelope', () => {
  it('when schemaVersion is absent, then it is 1; when time has an offset, then it becomes UTC', () => {
    const parsed = AnyEnvelope.parse(raw);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.time).toBe('2025-04-02T02:00:00.000Z');
  });

  it('when built around a data schema, then the data is validated by it', () => {
    const Counted = Envelope(z.object({ n: z.int() }));
    expect(Counted.parse(raw).data.n).toBe(1);
    expect(Counted.safeParse({ ...raw, data: { n: 'one' } }).success).toBe(false);
  });

  it.each([
    ['sequence 0', { sequence: 0 }],
    ['a fractional sequence', { sequence: 1.5 }],
    ['an empty subject', { subject: '' }],
    ['a time without offset', { time: '2025-04-02T10:00:00' }],
    ['an upper-case source', { source: 'Outreach' }],
  ])('when the envelope has %s, then it is refused', (_case, override) => {
    expect(AnyEnvelope.safeParse({ ...raw, ...override }).success).toBe(false);
  });

  it('when checking every catalogued event type, then each is <aggregate>.<verb> in snake_case', () => {
    for (const type of EventType.options) expect(EventTypeName.safeParse(type).success).toBe(true);
    expect(EventTypeName.safeParse('Session.Scheduled').success).toBe(false);
    expect(EventTypeName.safeParse('session').success).toBe(false);
  });
});
