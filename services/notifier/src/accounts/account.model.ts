// The notifier's read model of console accounts: who prefers which language, and who the coordinators are.
import { Schema, type Connection, type Model } from 'mongoose';
import type { Language } from '../email/email.schemas.ts';

export interface AccountView {
  /** The account id, the JWT `sub` (a liaison's is their liaison id). */
  _id: string;
  sequence: number;
  role: 'coordinator' | 'officer' | 'reviewer' | 'liaison';
  bankId: string | null;
  name: string;
  email: string;
  language: Language;
}

export const ACCOUNT_VIEWS = 'account_views';

const accountSchema = new Schema<AccountView>(
  {
    _id: String,
    sequence: Number,
    role: String,
    bankId: { type: String, default: null },
    name: String,
    email: String,
    language: String,
  },
  { collection: ACCOUNT_VIEWS, versionKey: false },
);
// The language of an address that is not an account id (an attendee who also has an account).
accountSchema.index({ email: 1 });
// The weekly digest's recipients.
accountSchema.index({ role: 1 });

export function accountViewModel(conn: Connection): Model<AccountView> {
  return conn.model<AccountView>('AccountView', accountSchema);
}
