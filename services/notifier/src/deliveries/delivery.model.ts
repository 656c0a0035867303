// The delivery document: one email to one recipient for one cause, its state, attempts and the SMTP reply.
import { Schema, type Connection, type Model } from 'mongoose';
import { TEMPLATE_NAMES, type Language, type TemplateName } from '../email/email.schemas.ts';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'dead', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface AttemptRecord {
  at: Date;
  outcome: 'sent' | 'retry' | 'dead';
  /** nodemailer's error code (ECONNECTION, EENVELOPE…) or null when sent. */
  code: string | null;
  /** The SMTP server's reply line, or the connection error's message. */
  response: string | null;
  /** For a retry: when the next attempt is due (the backoff chosen). */
  retryAt?: Date;
}

export interface DeliveryDoc {
  /** 24 hex digits derived from (key, recipient, template): the same cause never makes a second document. */
  _id: string;
  /** The cause: an event id, or `bulletin:<id>:v<n>`, `reminder:<registrationId>`, `digest:<week>`. */
  key: string;
  eventId: string | null;
  eventType: string | null;
  template: TemplateName;
  recipient: string;
  recipientName: string | null;
  language: Language;
  /** The template's data (TemplateDataMap[template]); rendered at send time and for previews. */
  data: Record<string, unknown>;
  sessionId: string | null;
  registrationId: string | null;
  status: DeliveryStatus;
  /** Not sent before this instant (reminders: 24 h before the start). */
  dueAt: Date;
  /** Not sent after this instant (the session started, the link expired): cancelled instead. */
  notAfter: Date | null;
  attempts: number;
  /** Claims so far: the next claim is `delivery_claims` `<_id>:<claimSeq>`. Never reset. */
  claimSeq: number;
  attemptLog: AttemptRecord[];
  claimedBy: string | null;
  leaseUntil: Date | null;
  lastError: { code: string | null; response: string | null; at: Date } | null;
  smtp: { messageId: string; response: string } | null;
  cancelReason: string | null;
  sentAt: Date | null;
  /** The dispatcher (process) that sent it. */
  sentBy?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const DELIVERIES = 'deliveries';

const attemptSchema = new Schema<AttemptRecord>(
  {
    at: Date,
    outcome: String,
    code: { type: String, default: null },
    response: { type: String, default: null },
    retryAt: Date,
  },
  { _id: false },
);

const deliverySchema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    eventId: { type: String, default: null },
    eventType: { type: String, default: null },
    template: { type: String, enum: TEMPLATE_NAMES, required: true },
    recipient: { type: String, required: true },
    recipientName: { type: String, default: null },
    language: { type: String, enum: ['zh', 'en'], required: true },
    data: { type: Schema.Types.Mixed, required: true },
    sessionId: { type: String, default: null },
    registrationId: { type: String, default: null },
    status: { type: String, enum: DELIVERY_STATUSES, required: true },
    dueAt: { type: Date, required: true },
    notAfter: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    claimSeq: { type: Number, default: 0 },
    attemptLog: { type: [attemptSchema], default: [] },
    claimedBy: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    lastError: { type: Schema.Types.Mixed, default: null },
    smtp: { type: Schema.Types.Mixed, default: null },
    cancelReason: { type: String, default: null },
    sentAt: { type: Date, default: null },
    sentBy: { type: String, default: null },
  },
  { collection: DELIVERIES, versionKey: false, timestamps: true, minimize: false },
);

// The rule "one email per cause, recipient and template": a redelivered event inserts nothing.
deliverySchema.index({ key: 1, recipient: 1, template: 1 }, { unique: true });
// The dispatcher's scan for due work: pending by due time (and sending with a lapsed lease).
deliverySchema.index({ status: 1, dueAt: 1 });
// GET /deliveries?eventId= and the reminder updates of a rescheduled or cancelled session.
deliverySchema.index({ sessionId: 1, template: 1 });

/** One claim of one delivery by one process: the unique `_id` `<deliveryId>:<claimSeq>` is the lock. */
export interface ClaimDoc {
  _id: string;
  worker: string;
  at: Date;
}

const claimSchema = new Schema<ClaimDoc>(
  { _id: String, worker: String, at: Date },
  { collection: 'delivery_claims', versionKey: false },
);

export function claimModel(conn: Connection): Model<ClaimDoc> {
  return conn.model<ClaimDoc>('DeliveryClaim', claimSchema);
}

export function deliveryModel(conn: Connection): Model<DeliveryDoc> {
  return conn.model<DeliveryDoc>('Delivery', deliverySchema);
}
