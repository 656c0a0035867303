// The registration aggregate: one attendee at one session, its seat status, check-in and feedback, and its outbox.
import type {
  Attendee,
  CheckInMethod,
  FeedbackRatings,
  RegistrationCancelReason,
  WaitlistReason,
} from '@lianxin/contracts';
import { outboxPlugin, type OutboxFields } from '@lianxin/platform/messaging';
import { Schema, type Connection, type Model } from 'mongoose';

/** `pending`: written, its seat not yet decided (a crash here is finished by the reconciler). */
export type RegistrationState = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled';

export type FollowUp =
  { status: 'open' } | { status: 'closed'; closedBy: string; closedAt: Date; action: string };

export interface RegistrationDoc extends OutboxFields {
  _id: string;
  sessionId: string;
  bankId: string;
  attendee: Attendee;
  /** The mobile while the registration is live; `<mobile>#<id>` once cancelled, freeing the number. */
  mobileKey: string;
  status: RegistrationState;
  waitlist: { position: number; reason: WaitlistReason } | null;
  registeredBy: string;
  registeredAt: Date;
  cancellation: { reason: RegistrationCancelReason; cancelledBy: string; cancelledAt: Date } | null;
  /**
   * The short code typed at the venue, given with the seat; `#<id>` until then (check-in-code.ts).
   * Absent on registrations written before codes existed.
   */
  checkInCode?: string;
  checkIn: { at: Date; method: CheckInMethod; by: string | null } | null;
  feedback: {
    ratings: FeedbackRatings;
    comment: string | null;
    submittedAt: Date;
    /** Opened by any red rating; the session's follow-up list. Closed with who, when and what was done. */
    followUp: FollowUp | null;
  } | null;
  /**
   * Set by an earlier version's session cancellation before it cancelled the registration: a
   * withdrawal does not match a fenced one. Cancellations now write `false`-or-absent ones in one
   * conditional multi-document update instead (ADR 040); kept for documents fenced before.
   */
  cancelFence: boolean;
}

export function registrationModel(conn: Connection): Model<RegistrationDoc> {
  const schema = new Schema<RegistrationDoc>(
    {
      _id: { type: String, required: true },
      sessionId: { type: String, required: true },
      bankId: { type: String, required: true },
      attendee: { type: Schema.Types.Mixed, required: true },
      mobileKey: { type: String, required: true },
      status: { type: String, required: true },
      waitlist: { type: Schema.Types.Mixed, default: null },
      registeredBy: String,
      registeredAt: Date,
      cancellation: { type: Schema.Types.Mixed, default: null },
      checkInCode: String,
      checkIn: { type: Schema.Types.Mixed, default: null },
      feedback: { type: Schema.Types.Mixed, default: null },
      cancelFence: { type: Boolean, default: false },
    },
    { versionKey: false, minimize: false },
  );
  schema.plugin(outboxPlugin);
  // serves "one registration per mobile per session" (a unique index, never a read-then-write)
  schema.index({ sessionId: 1, mobileKey: 1 }, { unique: true });
  // serves POST /sessions/:id/check-ins by code, and keeps a code unique within its session
  schema.index({ sessionId: 1, checkInCode: 1 }, { unique: true });
  // serves GET /sessions/:id/registrations (all, or one bank's) in arrival order, and the summary
  schema.index({ sessionId: 1, bankId: 1, registeredAt: 1 });
  // serves GET /registrations: a liaison's bank's registrations across sessions, newest first
  schema.index({ bankId: 1, registeredAt: -1 });
  // serves the reconciler: registrations whose seat was never decided
  schema.index({ status: 1, registeredAt: 1 });
  return (
    (conn.models.Registration as Model<RegistrationDoc> | undefined) ??
    conn.model<RegistrationDoc>('Registration', schema, 'registrations')
  );
}
