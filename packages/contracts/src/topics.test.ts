// Unit tests for the topic catalogue: every event has a topic, keys keep sessions in order, DLQ names.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EventType, type Event } from './events/event-map.ts';
import { parseEvent } from './events/parse-event.ts';
import { samples } from './events/samples.test-data.ts';
import {
  dlqTopic,
  EVENT_TOPICS,
  eventTypesOn,
  partitionKeyOf,
  Topic,
  topicOf,
  Topics,
} from './topics.ts';

function parsed(type: EventType, subject: string): Event {
  const result = parseEvent({
    id: randomUUID(),
    type,
    source: 'outreach',
    subject,
    sequence: 1,
    time: '2025-04-02T02:00:00Z',
    data: samples[type],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.event;
}

describe('topics', () => {
  it.each(EventType.options)('when an event is %s, then it has a catalogued topic', (type) => {
    expect(Topic.options).toContain(topicOf(type));
  });

  it('when listing the topic map, then it names no type the EventMap lacks', () => {
    expect(Object.keys(EVENT_TOPICS).sort()).toEqual([...EventType.options].sort());
  });

  it('when asking what travels on the registrations topic, then it is registrations, attendance and feedback', () => {
    expect(eventTypesOn(Topics.registrations).sort()).toEqual([
      'attendance.checked_in',
      'feedback.followed_up',
      'feedback.submitted',
      'registration.cancelled',
      'registration.confirmed',
      'registration.promoted',
      'registration.waitlisted',
    ]);
  });

  it('when opinions are published, then they share the sessions topic', () => {
    expect(eventTypesOn(Topics.sessions)).toContain('opinion.raised');
  });
});

describe('partitionKeyOf', () => {
  it('when an event is on the registrations topic, then its key is the session id', () => {
    const event = parsed('attendance.checked_in', 'some-registration-roster');
    expect(partitionKeyOf(event)).toBe(samples['attendance.checked_in'].sessionId);
  });

  it('when an event is on another topic, then its key is its subject', () => {
    const opinionId = samples['opinion.raised'].id;
    expect(partitionKeyOf(parsed('opinion.raised', opinionId))).toBe(opinionId);
  });
});

describe('dlqTopic', () => {
  it('when a group dead-letters, then the topic is <topic>.dlq.<group>', () => {
    expect(dlqTopic(Topics.sessions, 'notifier-sessions')).toBe(
      'lianxin.sessions.v1.dlq.notifier-sessions',
    );
  });

  it.each(['', 'notifier.sessions', 'has space', 'x'.repeat(101)])(
    'when the group is %j, then it is refused rather than making an ambiguous name',
    (group) => {
      expect(() => dlqTopic(Topics.banks, group)).toThrow(RangeError);
    },
  );
});
