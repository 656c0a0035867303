// Events of a session's attendance: registrations, the waitlist, check-in and three-colour feedback.
import { z } from 'zod';
import {
  CheckInMethod,
  FeedbackColour,
  FeedbackDimension,
  RegistrationCancelReason,
  RegistrationStatus,
  WaitlistReason,
} from '../enums/index.ts';
import {
  Email,
  Instant,
  Mobile,
  NonEmptyText,
  ObjectIdString,
  PersonName,
  UserId,
} from '../values.ts';

// All of these travel on the registrations topic keyed by the session id, so one session's
// seats, promotions and check-ins reach every consumer in the order they happened.

/** The person who will attend; the mobile number is who they are (once per session). */
export const Attendee = z.object({
  name: PersonName,
  mobile: Mobile,
  email: Email.nullable(),
  /** Job at the bank, e.g. 大堂经理. */
  position: NonEmptyText(50).nullable(),
  /** The branch they work at, e.g. 香河支行营业部. */
  branch: NonEmptyText(100).nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

/** The place in the session's single first-come queue, as of this event; it moves up as seats free. */
export const WaitlistPlace = z.object({
  position: z.int().positive(),
  reason: WaitlistReason,
});
export type WaitlistPlace = z.infer<typeof WaitlistPlace>;

/**
 * The signed token the attendee's QR code encodes. It rides in the event so the notifier can
 * put the QR code in the confirmation email without holding outreach's signing key.
 */
export const CheckInToken = z.string().min(16).max(2048);
export type CheckInToken = z.infer<typeof CheckInToken>;

/** The alphabet of check-in codes: digits and capitals without 0/O, 1/I/L, which a reader confuses. */
export const CHECK_IN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CHECK_IN_CODE_LENGTH = 6;

/**
 * The short code a person can read out or type at the venue (`K7PM3Q`), unique within its
 * session, given when the seat is confirmed. It rides in the event so the notifier's email can
 * show it beside the QR code (ADR 032).
 */
export const CheckInCode = z
  .string()
  .regex(new RegExp(`^[${CHECK_IN_CODE_ALPHABET}]{${CHECK_IN_CODE_LENGTH}}$`));
export type CheckInCode = z.infer<typeof CheckInCode>;

export const RegistrationSnapshot = z.object({
  registrationId: ObjectIdString,
  sessionId: ObjectIdString,
  bankId: ObjectIdString,
  attendee: Attendee,
  status: RegistrationStatus,
  waitlist: WaitlistPlace.nullable(),
  /** The liaison who registered the attendee. */
  registeredBy: UserId,
  registeredAt: Instant,
});
export type RegistrationSnapshot = z.infer<typeof RegistrationSnapshot>;

const confirmed = RegistrationStatus.extract(['confirmed']);

export const RegistrationConfirmed = RegistrationSnapshot.extend({
  status: confirmed,
  waitlist: z.null(),
  checkInToken: CheckInToken,
  /** Absent in events written before check-in codes existed (ADR 032). */
  checkInCode: CheckInCode.optional(),
});
export type RegistrationConfirmed = z.infer<typeof RegistrationConfirmed>;

export const RegistrationWaitlisted = RegistrationSnapshot.extend({
  status: RegistrationStatus.extract(['waitlisted']),
  waitlist: WaitlistPlace,
});
export type RegistrationWaitlisted = z.infer<typeof RegistrationWaitlisted>;

/** A seat freed and the first in the queue took it; `promotedFrom` is where they were waiting. */
export const RegistrationPromoted = RegistrationSnapshot.extend({
  status: confirmed,
  waitlist: z.null(),
  checkInToken: CheckInToken,
  /** Absent in events written before check-in codes existed (ADR 032). */
  checkInCode: CheckInCode.optional(),
  promotedFrom: WaitlistPlace,
});
export type RegistrationPromoted = z.infer<typeof RegistrationPromoted>;

export const RegistrationCancelled = RegistrationSnapshot.extend({
  status: RegistrationStatus.extract(['cancelled']),
  waitlist: z.null(),
  cancellation: z.object({
    reason: RegistrationCancelReason,
    cancelledBy: UserId,
    cancelledAt: Instant,
  }),
});
export type RegistrationCancelled = z.infer<typeof RegistrationCancelled>;

export const AttendanceCheckedIn = z.object({
  registrationId: ObjectIdString,
  sessionId: ObjectIdString,
  bankId: ObjectIdString,
  checkedInAt: Instant,
  method: CheckInMethod,
  /** The officer who recorded it; null when the attendee scanned their own code. */
  checkedInBy: UserId.nullable(),
});
export type AttendanceCheckedIn = z.infer<typeof AttendanceCheckedIn>;

/**
 * One colour per dimension. A plain object (clear in OpenAPI), checked against the dimension
 * enum at compile time so a new dimension cannot be forgotten here.
 */
export const FeedbackRatings = z.object({
  attitude: FeedbackColour,
  tone: FeedbackColour,
  expression: FeedbackColour,
} satisfies Record<FeedbackDimension, typeof FeedbackColour>);
export type FeedbackRatings = z.infer<typeof FeedbackRatings>;

export const FeedbackSubmitted = z.object({
  sessionId: ObjectIdString,
  registrationId: ObjectIdString,
  bankId: ObjectIdString,
  ratings: FeedbackRatings,
  comment: NonEmptyText(500).nullable(),
  submittedAt: Instant,
});
export type FeedbackSubmitted = z.infer<typeof FeedbackSubmitted>;

/** A red rating's follow-up closed by an officer: who, when and what was done. */
export const FeedbackFollowedUp = z.object({
  sessionId: ObjectIdString,
  registrationId: ObjectIdString,
  bankId: ObjectIdString,
  closedBy: UserId,
  closedAt: Instant,
  /** What was done about it, as the officer wrote it. */
  action: NonEmptyText(1000),
});
export type FeedbackFollowedUp = z.infer<typeof FeedbackFollowedUp>;
