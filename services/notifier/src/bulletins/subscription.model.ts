// The notifier's read model of bulletin subscriptions (from content), and the addresses that unsubscribed by link.
import type { Audience, FraudType, Role } from '@lianxin/contracts';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Language } from '../email/email.schemas.ts';

export interface SubscriptionView {
  _id: string;
  sequence: number;
  subscriber: {
    id: string;
    role: Role;
    bankId: string | null;
    name: string | null;
    email: string | null;
  };
  fraudTypes: FraudType[];
  audiences: Audience[];
  language: Language;
  createdAt: string;
  removed: boolean;
}

/** An address that used a one-click unsubscribe link: no more bulletins until it subscribes again. */
export interface UnsubscribeDoc {
  _id: string;
  at: Date;
}

export const SUBSCRIPTION_VIEWS = 'subscription_views';

const subscriptionSchema = new Schema<SubscriptionView>(
  { _id: String, sequence: Number, removed: Boolean },
  { collection: SUBSCRIPTION_VIEWS, versionKey: false, strict: false },
);
// A published bulletin is matched against every live subscription.
subscriptionSchema.index({ removed: 1 });

const unsubscribeSchema = new Schema<UnsubscribeDoc>(
  { _id: String, at: Date },
  { collection: 'unsubscribes', versionKey: false },
);

export function subscriptionViewModel(conn: Connection): Model<SubscriptionView> {
  return conn.model<SubscriptionView>('SubscriptionView', subscriptionSchema);
}

export function unsubscribeModel(conn: Connection): Model<UnsubscribeDoc> {
  return conn.model<UnsubscribeDoc>('Unsubscribe', unsubscribeSchema);
}
