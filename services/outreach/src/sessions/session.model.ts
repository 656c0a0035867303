// The session aggregate: what is scheduled, its seat accounting, and its outbox of session events.
import { outboxPlugin, type OutboxFields } from '@lianxin/platform/messaging';
import type {
  Audience,
  FraudType,
  SessionFormat,
  SessionKind,
  SessionStatus,
} from '@lianxin/contracts';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Seat accounting lives on the session document so that every seat decision is ONE
 * conditional update of it (ADR 006):
 * - `seatHolders`: ids of registrations holding a seat (confirmed, or about to be marked so);
 * - `queue`: the waitlist in arrival order, as `registrationId:bankId`;
 * - `confirmedCount`, `bankConfirmed.<bankId>`: the counts the claim filter compares;
 * - `seatRev`: bumped by every change of seat holders, so a release-and-promote computed from
 *   a read is written only if no seat changed hands meanwhile.
 */
export interface SeatFields {
  seatHolders: string[];
  queue: string[];
  confirmedCount: number;
  bankConfirmed: Record<string, number>;
  /** `queue.length`, kept beside it so a write can answer a new waiter's place without returning the queue. */
  queueLen: number;
  seatRev: number;
}

export interface SessionDoc extends OutboxFields, SeatFields {
  _id: string;
  title: string;
  kind: SessionKind;
  format: SessionFormat;
  startsAt: Date;
  endsAt: Date;
  venue: { name: string; address: string };
  organisingUnit: string;
  hostOfficerIds: string[];
  capacity: number;
  perBankQuota: number | null;
  invitedBankIds: string[];
  audiences: Audience[];
  fraudTopics: FraudType[];
  description: string | null;
  status: SessionStatus;
  registration: { opensAt: Date; closesAt: Date };
  cancellation: { reason: string; cancelledBy: string; cancelledAt: Date } | null;
  completedAt: Date | null;
  scheduledBy: string;
  /**
   * True from a cancellation until every registration of the session is cancelled too (ADR 010);
   * absent on sessions stored before it existed.
   */
  cancellingRegistrations?: boolean;
  /** Held by the one edit in progress (ADR 018); null or expired when none runs. */
  editLock?: { token: string; until: Date } | null;
}

/** A session without its outbox fields. */
export type SessionCore = Omit<SessionDoc, keyof OutboxFields>;

export function sessionModel(conn: Connection): Model<SessionDoc> {
  const schema = new Schema<SessionDoc>(
    {
      _id: { type: String, required: true },
      title: { type: String, required: true },
      kind: { type: String, required: true },
      format: { type: String, required: true },
      startsAt: { type: Date, required: true },
      endsAt: { type: Date, required: true },
      venue: { name: String, address: String },
      organisingUnit: String,
      hostOfficerIds: [String],
      capacity: Number,
      perBankQuota: { type: Number, default: null },
      invitedBankIds: [String],
      audiences: [String],
      fraudTopics: [String],
      description: { type: String, default: null },
      status: { type: String, required: true },
      registration: { opensAt: Date, closesAt: Date },
      cancellation: { type: Schema.Types.Mixed, default: null },
      completedAt: { type: Date, default: null },
      scheduledBy: String,
      cancellingRegistrations: { type: Boolean, default: false },
      editLock: { type: Schema.Types.Mixed, default: null },
      seatHolders: { type: [String], default: [] },
      queue: { type: [String], default: [] },
      confirmedCount: { type: Number, default: 0 },
      bankConfirmed: { type: Schema.Types.Mixed, default: {} },
      queueLen: { type: Number, default: 0 },
      seatRev: { type: Number, default: 0 },
    },
    { versionKey: false, minimize: false },
  );
  schema.plugin(outboxPlugin);
  // serves GET /sessions by date range (and the default order)
  schema.index({ startsAt: 1 });
  // serves a liaison's list: sessions their bank is invited to, by date
  schema.index({ invitedBankIds: 1, startsAt: 1 });
  // serves GET /sessions?hostOfficerId=…
  schema.index({ hostOfficerIds: 1, startsAt: 1 });
  // serves GET /sessions?status=… and the reconciler's scan of scheduled sessions
  schema.index({ status: 1, startsAt: 1 });
  // serves the background cancellation's look-up of sessions whose registrations are still live
  schema.index({ cancellingRegistrations: 1 });
  return (
    (conn.models.Session as Model<SessionDoc> | undefined) ??
    conn.model<SessionDoc>('Session', schema, 'sessions')
  );
}
