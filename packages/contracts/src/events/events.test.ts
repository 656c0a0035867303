// Unit tests for the event catalogue and parseEvent: every type parses, bad messages say where they are bad.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { EventMap, EventType, isEventType, pickEvents } from './event-map.ts';
import { parseEvent } from './parse-event.ts';
import { samples } from './samples.test-data.ts';

function envelope(type: string, data: unknown, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type,
    source: 'outreach',
    subject: '65a1b2c3d4e5f60718293b01',
    sequence: 1,
    time: '2025-04-02T10:00:00+08:00',
    data,
    ...overrides,
  };
}

describe('EventMap', () => {
  it.each(EventType.options)(
    'when a %s event carries valid data, then parseEvent accepts it',
    (type) => {
      const result = parseEvent(envelope(type, samples[type]));
      expect(result.ok ? result.event.type : result.error).toBe(type);
    },
  );

  it.each(EventType.options)(
    'when %s is rendered for OpenAPI, then its schema converts to JSON Schema both ways',
    (type) => {
      expect(() => z.toJSONSchema(EventMap[type], { io: 'input' })).not.toThrow();
      expect(() => z.toJSONSchema(EventMap[type], { io: 'output' })).not.toThrow();
    },
  );

  it('when looking up a type, then only catalogued names are event types', () => {
    expect(isEventType('session.scheduled')).toBe(true);
    expect(isEventType('toString')).toBe(false);
    expect(isEventType('session.deleted')).toBe(false);
  });

  it('when a consumer picks events, then it gets exactly those schemas', () => {
    const picked = pickEvents('bank.registered', 'liaison.added');
    expect(Object.keys(picked)).toEqual(['bank.registered', 'liaison.added']);
    expect(picked['liaison.added']).toBe(EventMap['liaison.added']);
  });
});

describe('parseEvent', () => {
  it('when the envelope is good, then the event is typed by its type and normalised', () => {
    const data = {
      ...samples['registration.confirmed'],
      attendee: { ...samples['registration.confirmed'].attendee, mobile: '+86 139-1234-5678' },
      unexpected: 'dropped',
    };
    const result = parseEvent(envelope('registration.confirmed', data));

    if (!result.ok) throw new Error(result.error.message);
    expect(result.event.schemaVersion).toBe(1);
    expect(result.event.time).toBe('2025-04-02T02:00:00.000Z');
    if (result.event.type !== 'registration.confirmed') throw new Error('wrong type');
    expect(result.event.data.attendee.mobile).toBe('13912345678');
    expect(result.event.data.checkInToken).toBe(samples['registration.confirmed'].checkInToken);
    expect(result.event.data).not.toHaveProperty('unexpected');
  });

  it('when the data is bad, then the error is a data error with the path from the envelope root', () => {
    const data = {
      ...samples['registration.confirmed'],
      attendee: { ...samples['registration.confirmed'].attendee, mobile: '12345' },
    };
    const result = parseEvent(envelope('registration.confirmed', data));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('data');
    expect(result.error.issues.map((issue) => issue.path)).toEqual([
      ['data', 'attendee', 'mobile'],
    ]);
    expect(result.error.message).toContain('data.attendee.mobile');
  });

  it('when an event claims a status its type does not allow, then the status is the path', () => {
    const result = parseEvent(envelope('bank.suspended', samples['bank.reactivated']));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues.map((issue) => issue.path)).toContainEqual(['data', 'status']);
  });

  it('when feedback misses a dimension, then it is refused at that dimension', () => {
    const ratings = { attitude: 'blue', tone: 'red' };
    const result = parseEvent(
      envelope('feedback.submitted', { ...samples['feedback.submitted'], ratings }),
    );

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues.map((issue) => issue.path)).toEqual([
      ['data', 'ratings', 'expression'],
    ]);
  });

  it('when the envelope itself is bad, then the error is an envelope error naming the fields', () => {
    const result = parseEvent(
      envelope('session.scheduled', samples['session.scheduled'], {
        id: 'not-a-uuid',
        sequence: 0,
      }),
    );

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('envelope');
    expect(result.error.issues.map((issue) => issue.path)).toEqual([['id'], ['sequence']]);
  });

  it.each([null, 'text', 42, []])(
    'when the message is %j, then it is an envelope error',
    (input) => {
      const result = parseEvent(input);
      expect(result.ok ? 'ok' : result.error.kind).toBe('envelope');
    },
  );

  it('when the type is well formed but unknown, then it is an unknown_type error, not a data error', () => {
    const result = parseEvent(envelope('session.archived', {}));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'unknown_type', type: 'session.archived' });
  });
});
