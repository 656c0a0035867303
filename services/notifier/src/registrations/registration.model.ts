// The notifier's read model of registrations: who is registered for a session (reschedules, cancellations, digest).
import type { RegistrationCancelReason, RegistrationStatus } from '@lianxin/contracts';
import { Schema, type Connection, type Model } from 'mongoose';

export interface RegistrationView {
  _id: string;
  sequence: number;
  sessionId: string;
  bankId: string;
  status: RegistrationStatus;
  cancelReason: RegistrationCancelReason | null;
  /** Only what an email needs: the mobile number is not kept. */
  attendee: { name: string; email: string | null };
  /** The liaison who registered the attendee. */
  registeredBy: string;
  checkedInAt?: string;
  /** At least one red rating in the attendee's feedback. */
  red?: boolean;
}

export const REGISTRATION_VIEWS = 'registration_views';

const registrationSchema = new Schema<RegistrationView>(
  { _id: String, sequence: Number, sessionId: String, status: String },
  { collection: REGISTRATION_VIEWS, versionKey: false, strict: false },
);
// Everyone registered for a session (reschedule and cancellation notices, the digest's counts).
registrationSchema.index({ sessionId: 1 });

export function registrationViewModel(conn: Connection): Model<RegistrationView> {
  return conn.model<RegistrationView>('RegistrationView', registrationSchema);
}
