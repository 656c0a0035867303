// Which Kafka topic each event goes to, how it is keyed, and where a consumer group's dead letters go.
import { z } from 'zod';
import type { Event, EventType } from './events/event-map.ts';

// The `.v1` suffix is the breaking-change escape hatch: a v2 topic runs beside v1 until every
// consumer has moved, instead of old consumers dead-lettering new shapes.
export const Topics = {
  banks: 'lianxin.banks.v1',
  /** Sessions and the opinions raised at them. */
  sessions: 'lianxin.sessions.v1',
  /** Registrations, attendance and feedback, keyed by session id (see `partitionKeyOf`). */
  registrations: 'lianxin.registrations.v1',
  /** Published and retracted bulletins, and the subscriptions to them. */
  bulletins: 'lianxin.bulletins.v1',
  /** The console's account emails (activation, password reset), keyed by account id. */
  accounts: 'lianxin.accounts.v1',
} as const;

export const Topic = z.enum([
  Topics.banks,
  Topics.sessions,
  Topics.registrations,
  Topics.bulletins,
  Topics.accounts,
]);
export type Topic = z.infer<typeof Topic>;

/** Checked against EventType at compile time: a new event without a topic does not build. */
export const EVENT_TOPICS = {
  'bank.registered': Topics.banks,
  'bank.updated': Topics.banks,
  'bank.suspended': Topics.banks,
  'bank.reactivated': Topics.banks,
  'liaison.added': Topics.banks,
  'liaison.updated': Topics.banks,
  'liaison.removed': Topics.banks,
  'session.scheduled': Topics.sessions,
  'session.rescheduled': Topics.sessions,
  'session.updated': Topics.sessions,
  'session.cancelled': Topics.sessions,
  'session.completed': Topics.sessions,
  'opinion.raised': Topics.sessions,
  'opinion.updated': Topics.sessions,
  'opinion.resolved': Topics.sessions,
  'registration.confirmed': Topics.registrations,
  'registration.waitlisted': Topics.registrations,
  'registration.promoted': Topics.registrations,
  'registration.cancelled': Topics.registrations,
  'attendance.checked_in': Topics.registrations,
  'feedback.submitted': Topics.registrations,
  'feedback.followed_up': Topics.registrations,
  'bulletin.published': Topics.bulletins,
  'bulletin.retracted': Topics.bulletins,
  'subscription.created': Topics.bulletins,
  'subscription.removed': Topics.bulletins,
  'account.activation_requested': Topics.accounts,
  'account.password_reset_requested': Topics.accounts,
} as const satisfies Record<EventType, Topic>;

/** The event types that travel on topic `T`. */
export type EventTypeOn<T extends Topic> = {
  [K in EventType]: (typeof EVENT_TOPICS)[K] extends T ? K : never;
}[EventType];

export function topicOf(type: EventType): Topic {
  return EVENT_TOPICS[type];
}

export function eventTypesOn<T extends Topic>(topic: T): EventTypeOn<T>[] {
  return (Object.keys(EVENT_TOPICS) as EventType[]).filter(
    (type): type is EventTypeOn<T> => EVENT_TOPICS[type] === topic,
  );
}

function isOnRegistrations(
  event: Event,
): event is Extract<Event, { type: EventTypeOn<typeof Topics.registrations> }> {
  return topicOf(event.type) === Topics.registrations;
}

/**
 * The Kafka message key: the aggregate id, except on the registrations topic, where every
 * event of one session shares a key so seats, promotions and check-ins stay in order.
 */
export function partitionKeyOf(event: Event): string {
  return isOnRegistrations(event) ? event.data.sessionId : event.subject;
}

// A group name with a dot would make `<topic>.dlq.<group>` ambiguous to read back.
const CONSUMER_GROUP = /^[A-Za-z0-9_-]{1,100}$/;

/** `<topic>.dlq.<group>`: each consumer group owns its dead letters, so replaying them touches no one else. */
export function dlqTopic(topic: string, group: string): string {
  if (!CONSUMER_GROUP.test(group)) {
    throw new RangeError(`Consumer group "${group}" must be 1–100 letters, digits, _ or -`);
  }
  return `${topic}.dlq.${group}`;
}
