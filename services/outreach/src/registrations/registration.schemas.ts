// HTTP shapes of registrations: one attendee or a batch in, one view (or one result per attendee) out.
import {
  Email,
  ErrorDetail,
  ErrorMessage,
  Mobile,
  NonEmptyText,
  ObjectIdString,
  PageQuery,
  PersonName,
  RegistrationCancelReason,
  RegistrationStatus,
  SessionKind,
  SessionStatus,
  WaitlistReason,
} from '@lianxin/contracts';
import { z } from 'zod';

export const AttendeeInput = z.strictObject({
  name: PersonName,
  mobile: Mobile,
  email: Email.nullable().default(null),
  position: NonEmptyText(50).nullable().default(null),
  branch: NonEmptyText(100).nullable().default(null),
});

export const BATCH_MAX = 50;

export const RegisterBody = z.union([
  AttendeeInput,
  z.strictObject({ attendees: z.array(AttendeeInput).min(1).max(BATCH_MAX) }),
]);
export type RegisterBody = z.output<typeof RegisterBody>;

export const RegistrationParams = z.strictObject({
  sessionId: ObjectIdString,
  registrationId: ObjectIdString,
});

/** The contract's statuses, and `pending` while the request that registered it still decides its seat. */
export const RegistrationViewStatus = z.enum([...RegistrationStatus.options, 'pending']);

export const RegistrationView = z.object({
  id: z.string(),
  sessionId: z.string(),
  bankId: z.string(),
  attendee: z.object({
    name: z.string(),
    mobile: z.string(),
    email: z.string().nullable(),
    position: z.string().nullable(),
    branch: z.string().nullable(),
  }),
  /** Whether `attendee.mobile` and `attendee.email` are shown in full (coordinators and the registering liaison). */
  mobileMasked: z.boolean(),
  status: RegistrationViewStatus,
  waitlist: z.object({ position: z.number(), reason: WaitlistReason }).nullable(),
  registeredBy: z.string(),
  registeredAt: z.string(),
  cancellation: z
    .object({ reason: RegistrationCancelReason, cancelledBy: z.string(), cancelledAt: z.string() })
    .nullable(),
  checkedInAt: z.string().nullable(),
  /** Only for who may see the mobile: it checks the attendee in. */
  checkInToken: z.string().nullable(),
  /** The short code the attendee can read out at the venue (ADR 032); same visibility as the token. */
  checkInCode: z.string().nullable(),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

/** One result per attendee of a batch, in the order sent: `index` is the attendee's row. */
export const BatchResult = z.object({
  results: z.array(
    z.object({
      index: z.number(),
      registration: RegistrationView.nullable(),
      /** Why this row was not registered, as the error body of a single registration would say. */
      error: z
        .object({
          code: z.string(),
          message: ErrorMessage,
          details: z.array(ErrorDetail).optional(),
        })
        .nullable(),
    }),
  ),
});

/** What a registration list shows of its session: enough to recognise it and put it in a calendar. */
export const RegistrationSession = z.object({
  id: z.string(),
  title: z.string(),
  kind: SessionKind,
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.object({ name: z.string(), address: z.string() }),
  status: SessionStatus,
});

/** A registration with its session, the waitlist position being the current one. */
export const BankRegistrationView = RegistrationView.extend({ session: RegistrationSession });
export type BankRegistrationView = z.infer<typeof BankRegistrationView>;

/** GET /registrations: a liaison's own bank's registrations across sessions, newest first. */
export const BankRegistrationsQuery = PageQuery.extend({
  status: RegistrationViewStatus.optional(),
  sessionId: ObjectIdString.optional(),
});
export type BankRegistrationsQuery = z.output<typeof BankRegistrationsQuery>;

export const RegistrationIdParams = z.strictObject({ registrationId: ObjectIdString });
