// The mongoose model of sign-in sessions: the server side of the browser's session cookie.
import { Schema, type Connection, type Model } from 'mongoose';

export interface SessionDoc {
  /** sha256 of the cookie's secret: a stolen database dump holds no usable session. */
  _id: string;
  accountId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// serves: sign-out everywhere and deactivation, `deleteMany({ accountId })`
sessionSchema.index({ accountId: 1 });

export function sessionModel(conn: Connection): Model<SessionDoc> {
  return (
    (conn.models.Session as Model<SessionDoc> | undefined) ??
    conn.model<SessionDoc>('Session', sessionSchema, 'sessions')
  );
}
