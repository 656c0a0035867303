// The notifier's read models from lianxin.sessions.v1: sessions (for every session email) and opinions (for the digest).
import type { OpinionCategory, SessionSnapshot } from '@lianxin/contracts';
import { Schema, type Connection, type Model } from 'mongoose';

export interface SessionView {
  _id: string;
  sequence: number;
  title: string;
  kind: SessionSnapshot['kind'];
  startsAt: string;
  endsAt: string;
  venue: { name: string; address: string };
  organisingUnit: string;
  capacity: number;
  perBankQuota: number | null;
  invitedBankIds: string[];
  status: SessionSnapshot['status'];
  registration: { opensAt: string; closesAt: string };
  /** Reschedules so far: the calendar entry's SEQUENCE. Absent until the first one. */
  revision?: number;
  completedAt: string | null;
}

export interface OpinionView {
  _id: string;
  sequence: number;
  sessionId: string;
  category: OpinionCategory;
  text: string;
  status: 'open' | 'in_progress' | 'resolved';
  dueAt: string;
}

export const SESSION_VIEWS = 'session_views';
export const OPINION_VIEWS = 'opinion_views';

// Snapshots are stored as they come (strict: false keeps the nested objects whole).
const sessionSchema = new Schema<SessionView>(
  { _id: String, sequence: Number, status: String, completedAt: { type: String, default: null } },
  { collection: SESSION_VIEWS, versionKey: false, strict: false },
);
// The digest: sessions completed in a week.
sessionSchema.index({ status: 1 });

const opinionSchema = new Schema<OpinionView>(
  { _id: String, sequence: Number, status: String },
  { collection: OPINION_VIEWS, versionKey: false, strict: false },
);
// The digest: opinions not yet resolved.
opinionSchema.index({ status: 1 });

export function sessionViewModel(conn: Connection): Model<SessionView> {
  return conn.model<SessionView>('SessionView', sessionSchema);
}

export function opinionViewModel(conn: Connection): Model<OpinionView> {
  return conn.model<OpinionView>('OpinionView', opinionSchema);
}
