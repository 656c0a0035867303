// Session events, validated against their contract schema before they enter the outbox.
import {
  EventMap,
  SessionSnapshot,
  SessionStatus,
  Topics,
  type SessionCancelled,
  type SessionCompleted,
  type SessionRescheduled,
  type SessionScheduled,
} from '@lianxin/contracts';
import { newEvent, type PendingEvent } from '@lianxin/platform/messaging';
import { z } from 'zod';

/**
 * Defined here until contracts has it: an edit that neither moves the session in time nor
 * changes its venue (title, capacity, invited banks…). Same snapshot as `session.scheduled`,
 * so a consumer that knows the snapshot can apply it; consumers that do not know the type skip it.
 */
export const SESSION_UPDATED = 'session.updated';
export const SessionUpdated = SessionSnapshot.extend({
  status: SessionStatus.extract(['scheduled']),
});
export type SessionUpdated = z.infer<typeof SessionUpdated>;

export function sessionScheduled(data: SessionScheduled): PendingEvent {
  return newEvent('session.scheduled', EventMap['session.scheduled'].parse(data));
}
export function sessionRescheduled(data: SessionRescheduled): PendingEvent {
  return newEvent('session.rescheduled', EventMap['session.rescheduled'].parse(data));
}
export function sessionUpdated(data: SessionUpdated): PendingEvent {
  return newEvent(SESSION_UPDATED, SessionUpdated.parse(data));
}
export function sessionCancelled(data: SessionCancelled): PendingEvent {
  return newEvent('session.cancelled', EventMap['session.cancelled'].parse(data));
}
export function sessionCompleted(data: SessionCompleted): PendingEvent {
  return newEvent('session.completed', EventMap['session.completed'].parse(data));
}

/** The sessions topic carries the contract's session events plus `session.updated`. */
export const SESSION_TOPIC_DEFAULT = Topics.sessions;
