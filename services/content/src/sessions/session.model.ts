// The read model of outreach sessions: what content needs to pick a session's materials.
import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';

export interface SessionViewDoc {
  /** The session id (outreach's ObjectId as hex). */
  _id: string;
  /** The sequence of the last applied event: older or repeated events change nothing. */
  sequence: number;
  title: string;
  kind: string;
  status: string;
  startsAt: Date;
  audiences: string[];
  fraudTopics: string[];
}

const sessionViewSchema = new Schema<SessionViewDoc>(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true },
    title: { type: String, required: true },
    kind: { type: String, required: true },
    status: { type: String, required: true },
    startsAt: { type: Date, required: true },
    audiences: { type: [String], required: true },
    fraudTopics: { type: [String], required: true },
  },
  { versionKey: false },
);
// No secondary index: the only read is by _id (GET /sessions/:sessionId/materials).

export const SESSION_VIEW = 'session_views';

export type SessionViewModel = Model<SessionViewDoc>;

export function sessionViewModel(conn: Connection): SessionViewModel {
  return conn.model<SessionViewDoc>('SessionView', sessionViewSchema, SESSION_VIEW);
}
