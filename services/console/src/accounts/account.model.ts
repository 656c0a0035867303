// The mongoose models of sign-in accounts and of their email keys.
import { outboxPlugin, type OutboxFields } from '@lianxin/platform/messaging';
import { Schema, type Connection, type Model } from 'mongoose';

export interface AccountDoc extends OutboxFields {
  /** A liaison's account id is their liaison id (the token's `sub` other services compare). */
  _id: string;
  role: 'coordinator' | 'officer' | 'reviewer' | 'liaison';
  bankId: string | null;
  name: string;
  email: string;
  language: 'zh' | 'en';
  status: 'pending' | 'active' | 'deactivated';
  passwordHash: string | null;
  /** sha256 of the one-time activation token; null once used. */
  activationTokenHash: string | null;
  activationExpiresAt: Date | null;
  /** Login attempts claimed since the last success or lock, in flight ones included (ADR 023). */
  attempts: number;
  /** Sign-in refused until then; the epoch when not locked (a Date filter needs no null case). */
  lockedUntil: Date;
  /** For a liaison account: the bank aggregate's sequence last applied (projection order). */
  bankSequence: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Email → account: unique by `_id`, so the login lookup and its uniqueness are an exact `_id` match. */
export interface AccountEmailDoc {
  _id: string;
  accountId: string;
}

const accountSchema = new Schema<AccountDoc>(
  {
    _id: { type: String, required: true },
    role: { type: String, required: true },
    bankId: { type: String, default: null },
    name: { type: String, required: true },
    email: { type: String, required: true },
    language: { type: String, required: true, default: 'zh' },
    status: { type: String, required: true },
    passwordHash: { type: String, default: null },
    activationTokenHash: { type: String, default: null },
    activationExpiresAt: { type: Date, default: null },
    attempts: { type: Number, required: true, default: 0 },
    lockedUntil: { type: Date, required: true, default: () => new Date(0) },
    bankSequence: { type: Number, required: true, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
accountSchema.plugin(outboxPlugin);
// serves: activation, `{ activationTokenHash }` (equality, pushed down to SQL on PostgreSQL)
accountSchema.index({ activationTokenHash: 1 });
// serves: the coordinator's account list, by role
accountSchema.index({ role: 1, createdAt: -1 });

const accountEmailSchema = new Schema<AccountEmailDoc>(
  { _id: { type: String, required: true }, accountId: { type: String, required: true } },
  { versionKey: false },
);

export function accountModel(conn: Connection): Model<AccountDoc> {
  return (
    (conn.models.Account as Model<AccountDoc> | undefined) ??
    conn.model<AccountDoc>('Account', accountSchema, 'accounts')
  );
}

export function accountEmailModel(conn: Connection): Model<AccountEmailDoc> {
  return (
    (conn.models.AccountEmail as Model<AccountEmailDoc> | undefined) ??
    conn.model<AccountEmailDoc>('AccountEmail', accountEmailSchema, 'account_emails')
  );
}
