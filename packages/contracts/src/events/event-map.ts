// The catalogue of every event: its type name mapped to the schema of its data.
import { z } from 'zod';
import type { Envelope } from '../envelope.ts';
import { AccountActivationRequested, AccountPasswordResetRequested } from './accounts.ts';
import {
  BankReactivated,
  BankRegistered,
  BankSuspended,
  BankUpdated,
  LiaisonAdded,
  LiaisonRemoved,
  LiaisonUpdated,
} from './banks.ts';
import { BulletinPublished, BulletinRetracted } from './bulletins.ts';
import { SubscriptionCreated, SubscriptionRemoved } from './subscriptions.ts';
import { OpinionRaised, OpinionResolved, OpinionUpdated } from './opinions.ts';
import {
  AttendanceCheckedIn,
  FeedbackFollowedUp,
  FeedbackSubmitted,
  RegistrationCancelled,
  RegistrationConfirmed,
  RegistrationPromoted,
  RegistrationWaitlisted,
} from './registrations.ts';
import {
  SessionCancelled,
  SessionCompleted,
  SessionRescheduled,
  SessionScheduled,
  SessionUpdated,
} from './sessions.ts';

/**
 * Type → data schema. A consumer passes it (or `pickEvents(...)` of it) to the platform
 * consumer; a producer validates the data it puts in its outbox with `EventMap[type]`.
 */
export const EventMap = {
  'bank.registered': BankRegistered,
  'bank.updated': BankUpdated,
  'bank.suspended': BankSuspended,
  'bank.reactivated': BankReactivated,
  'liaison.added': LiaisonAdded,
  'liaison.updated': LiaisonUpdated,
  'liaison.removed': LiaisonRemoved,
  'session.scheduled': SessionScheduled,
  'session.rescheduled': SessionRescheduled,
  'session.updated': SessionUpdated,
  'session.cancelled': SessionCancelled,
  'session.completed': SessionCompleted,
  'registration.confirmed': RegistrationConfirmed,
  'registration.waitlisted': RegistrationWaitlisted,
  'registration.promoted': RegistrationPromoted,
  'registration.cancelled': RegistrationCancelled,
  'attendance.checked_in': AttendanceCheckedIn,
  'feedback.submitted': FeedbackSubmitted,
  'feedback.followed_up': FeedbackFollowedUp,
  'opinion.raised': OpinionRaised,
  'opinion.updated': OpinionUpdated,
  'opinion.resolved': OpinionResolved,
  'bulletin.published': BulletinPublished,
  'bulletin.retracted': BulletinRetracted,
  'subscription.created': SubscriptionCreated,
  'subscription.removed': SubscriptionRemoved,
  'account.activation_requested': AccountActivationRequested,
  'account.password_reset_requested': AccountPasswordResetRequested,
} as const satisfies Record<string, z.ZodType>;
export type EventMap = typeof EventMap;

export type EventType = keyof EventMap;
// Object.keys loses the key type; EventMap is a literal, so its keys are exactly EventType.
const eventTypes = Object.keys(EventMap) as EventType[];
export const EventType = z.enum(eventTypes as [EventType, ...EventType[]]);

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EventMap, type);
}

/** The data of an event of type `K`, as consumers see it after parsing. */
export type EventData<K extends EventType> = z.output<EventMap[K]>;

/** A parsed event: narrowing on `type` narrows `data`. */
export type Event = { [K in EventType]: Envelope<EventData<K>> & { type: K } }[EventType];
export type EventOf<K extends EventType> = Extract<Event, { type: K }>;

/** The part of EventMap a consumer handles; the other types on its topics are skipped. */
export function pickEvents<const K extends EventType>(...types: K[]): Pick<EventMap, K> {
  return Object.fromEntries(types.map((type) => [type, EventMap[type]])) as Pick<EventMap, K>;
}
