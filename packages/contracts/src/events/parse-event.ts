// A consumer's one call from raw JSON to a typed event, or to an error that says what and where.
import type { z } from 'zod';
import { AnyEnvelope } from '../envelope.ts';
import { EventMap, isEventType, type Event, type EventType } from './event-map.ts';

export interface EventIssue {
  /** From the envelope's root, e.g. `['data', 'attendee', 'mobile']`. */
  path: (string | number)[];
  message: string;
}

/**
 * Why a message is not a usable event. `unknown_type` is kept apart because a consumer may
 * skip types it does not know, while `envelope` and `data` failures are dead letters.
 */
export type EventParseError =
  | { kind: 'envelope'; message: string; issues: EventIssue[] }
  | { kind: 'unknown_type'; type: string; message: string; issues: EventIssue[] }
  | { kind: 'data'; type: EventType; message: string; issues: EventIssue[] };

export type ParseEventResult = { ok: true; event: Event } | { ok: false; error: EventParseError };

export function parseEvent(input: unknown): ParseEventResult {
  const envelope = AnyEnvelope.safeParse(input);
  if (!envelope.success) {
    const issues = issuesOf(envelope.error, []);
    return { ok: false, error: { kind: 'envelope', message: describe(issues), issues } };
  }
  const { type } = envelope.data;
  if (!isEventType(type)) {
    const issues = [{ path: ['type'], message: `Unknown event type ${type}` }];
    return { ok: false, error: { kind: 'unknown_type', type, message: describe(issues), issues } };
  }
  const schema: z.ZodType = EventMap[type];
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) {
    const issues = issuesOf(data.error, ['data']);
    return { ok: false, error: { kind: 'data', type, message: describe(issues), issues } };
  }
  // The data was just validated by the schema EventMap holds for this very type.
  const event = { ...envelope.data, type, data: data.data } as Event;
  return { ok: true, event };
}

function issuesOf(error: z.ZodError, prefix: (string | number)[]): EventIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    message: issue.message,
  }));
}

function describe(issues: EventIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
