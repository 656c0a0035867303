// Registration events (keyed by session id on the registrations topic), validated against contracts before they enter the outbox.
import { EventMap, type RegistrationSnapshot, type WaitlistPlace } from '@lianxin/contracts';
import { newEvent, type PendingEvent } from '@lianxin/platform/messaging';
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
