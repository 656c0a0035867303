// The subscription collection: who wants which fraud types and audiences, with the outbox of its events.
import type { Audience, FraudType, Locale, Role } from '@lianxin/contracts';
import { outboxPlugin, type OutboxFields } from '@lianxin/platform/messaging';
import { Schema, Types, type Connection, type Model } from 'mongoose';

export interface SubscriptionDoc extends OutboxFields {
  _id: Types.ObjectId;
  subscriber: {
    id: string;
    role: Role;
    bankId: string | null;
    name: string | null;
    email: string | null;
  };
  /** The liaison's bank, copied up so bank-scoped reads filter on a top-level field. */
  bankId: string | null;
  fraudTypes: FraudType[];
  audiences: Audience[];
  language: Locale;
  status: 'active' | 'removed';
  /**
   * `subscriber|types|audiences` while active (unique: subscribing twice to the same thing
   * returns the first subscription), `removed:<id>` after removal — FerretDB has no partial index.
   */
  key: string;
  createdAt: string;
  removedAt: string | null;
  removedBy: string | null;
}

const subscriptionSchema = new Schema<SubscriptionDoc>(
  {
    subscriber: { type: Schema.Types.Mixed, required: true },
    bankId: { type: String, default: null },
    fraudTypes: { type: [String], required: true },
    audiences: { type: [String], required: true },
    language: { type: String, required: true },
    status: { type: String, required: true },
    key: { type: String, required: true },
    createdAt: { type: String, required: true },
    removedAt: { type: String, default: null },
    removedBy: { type: String, default: null },
  },
  { versionKey: false, minimize: false },
);
subscriptionSchema.plugin(outboxPlugin);
// serves: one active subscription per subscriber and filter (idempotent POST)
subscriptionSchema.index({ key: 1 }, { unique: true });
// serves: a liaison's list (their bank's) and a coordinator's list, active only
subscriptionSchema.index({ bankId: 1, status: 1, createdAt: -1 });
// serves: an officer's own list
subscriptionSchema.index({ 'subscriber.id': 1, status: 1 });

export type SubscriptionModel = Model<SubscriptionDoc>;

export function subscriptionModel(conn: Connection): SubscriptionModel {
  return conn.model<SubscriptionDoc>('Subscription', subscriptionSchema, 'subscriptions');
}
