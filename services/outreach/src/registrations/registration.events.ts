// Registration events (keyed by session id on the registrations topic), validated against contracts before they enter the outbox.
import { EventMap, type RegistrationSnapshot, type WaitlistPlace } from '@lianxin/contracts';
import { newEvent, newSharedEvent, type PendingEvent } from '@lianxin/platform/messaging';
import type { RegistrationDoc } from './registration.model.ts';

type Core = Pick<
  RegistrationDoc,
  '_id' | 'sessionId' | 'bankId' | 'attendee' | 'registeredBy' | 'registeredAt'
>;

function snapshot(reg: Core): Omit<RegistrationSnapshot, 'status' | 'waitlist'> {
  return {
    registrationId: reg._id,
    sessionId: reg.sessionId,
    bankId: reg.bankId,
    attendee: reg.attendee,
    registeredBy: reg.registeredBy,
    registeredAt: reg.registeredAt.toISOString(),
  };
}

export function registrationConfirmed(
  reg: Core,
  checkInToken: string,
  checkInCode: string,
): PendingEvent {
  const data = { ...snapshot(reg), status: 'confirmed', waitlist: null, checkInToken, checkInCode };
  return newEvent('registration.confirmed', EventMap['registration.confirmed'].parse(data));
}

export function registrationPromoted(
  reg: Core,
  checkInToken: string,
  checkInCode: string,
  promotedFrom: WaitlistPlace,
): PendingEvent {
  const data = {
    ...snapshot(reg),
    status: 'confirmed',
    waitlist: null,
    checkInToken,
    checkInCode,
    promotedFrom,
  };
  return newEvent('registration.promoted', EventMap['registration.promoted'].parse(data));
}

export function registrationWaitlisted(reg: Core, waitlist: WaitlistPlace): PendingEvent {
  const data = { ...snapshot(reg), status: 'waitlisted', waitlist };
  return newEvent('registration.waitlisted', EventMap['registration.waitlisted'].parse(data));
}

export function registrationCancelled(
  reg: Core,
  cancellation: NonNullable<RegistrationDoc['cancellation']>,
): PendingEvent {
  const data = {
    ...snapshot(reg),
    status: 'cancelled',
    waitlist: null,
    cancellation: { ...cancellation, cancelledAt: cancellation.cancelledAt.toISOString() },
  };
  return newEvent('registration.cancelled', EventMap['registration.cancelled'].parse(data));
}

/**
 * `registration.cancelled` for every live registration of a cancelled session, appended by one
 * multi-document update: only the cancellation is common; the relay adds each registration's
 * snapshot (`expandRegistrationEvent`).
 */
export function registrationsCancelledWithSession(
  cancellation: NonNullable<RegistrationDoc['cancellation']>,
): PendingEvent {
  return newSharedEvent('registration.cancelled', {
    cancellation: { ...cancellation, cancelledAt: cancellation.cancelledAt.toISOString() },
  });
}

/** The relay's `expand` for registrations: a shared event's data for one registration, validated. */
export function expandRegistrationEvent(
  doc: Record<string, unknown>,
  event: PendingEvent,
): unknown {
  if (event.type !== 'registration.cancelled') return event.data;
  const common: unknown = event.data;
  const data = {
    // The snapshot's fields as `snapshot` writes them; the contract's parse checks every one.
    registrationId: String(doc._id),
    sessionId: doc.sessionId,
    bankId: doc.bankId,
    attendee: doc.attendee,
    registeredBy: doc.registeredBy,
    registeredAt: doc.registeredAt instanceof Date ? doc.registeredAt.toISOString() : undefined,
    status: 'cancelled',
    waitlist: null,
    cancellation:
      typeof common === 'object' && common !== null && 'cancellation' in common
        ? common.cancellation
        : undefined,
  };
  return EventMap['registration.cancelled'].parse(data);
}

export function attendanceCheckedIn(
  reg: Core,
  checkIn: NonNullable<RegistrationDoc['checkIn']>,
): PendingEvent {
  const data = {
    registrationId: reg._id,
    sessionId: reg.sessionId,
    bankId: reg.bankId,
    checkedInAt: checkIn.at.toISOString(),
    method: checkIn.method,
    checkedInBy: checkIn.by,
  };
  return newEvent('attendance.checked_in', EventMap['attendance.checked_in'].parse(data));
}

export function feedbackSubmitted(
  reg: Core,
  feedback: NonNullable<RegistrationDoc['feedback']>,
): PendingEvent {
  const data = {
    sessionId: reg.sessionId,
    registrationId: reg._id,
    bankId: reg.bankId,
    ratings: feedback.ratings,
    comment: feedback.comment,
    submittedAt: feedback.submittedAt.toISOString(),
  };
  return newEvent('feedback.submitted', EventMap['feedback.submitted'].parse(data));
}

export function feedbackFollowedUp(
  reg: Core,
  closed: { closedBy: string; closedAt: Date; action: string },
): PendingEvent {
  const data = {
    sessionId: reg.sessionId,
    registrationId: reg._id,
    bankId: reg.bankId,
    closedBy: closed.closedBy,
    closedAt: closed.closedAt.toISOString(),
    action: closed.action,
  };
  return newEvent('feedback.followed_up', EventMap['feedback.followed_up'].parse(data));
}
