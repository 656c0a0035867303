// The subscription read model: projections by sequence, live subscriptions, and the unsubscribed addresses.
import { applyIfNewer } from '@lianxin/platform/messaging';
import type { Model } from 'mongoose';
import {
  SUBSCRIPTION_VIEWS,
  type SubscriptionView,
  type UnsubscribeDoc,
} from './subscription.model.ts';

export function subscriptionRepository(
  subscriptions: Model<SubscriptionView>,
  unsubscribes: Model<UnsubscribeDoc>,
) {
  return {
    apply: (
      id: string,
      sequence: number,
      fields: Partial<Omit<SubscriptionView, '_id' | 'sequence'>>,
    ) => applyIfNewer(subscriptions.db, SUBSCRIPTION_VIEWS, id, sequence, fields),

    async live(): Promise<SubscriptionView[]> {
      return subscriptions.find({ removed: false }).sort({ _id: 1 }).lean<SubscriptionView[]>();
    },

    /** Records that `email` unsubscribed (the first time wins, so the date is when it happened). */
    async unsubscribe(email: string, at: Date): Promise<void> {
      await unsubscribes.updateOne({ _id: email }, { $setOnInsert: { at } }, { upsert: true });
    },

    /** A subscription made after the unsubscribe is a change of mind: the address gets bulletins again. */
    async resubscribed(email: string, subscribedAt: Date): Promise<void> {
      await unsubscribes.deleteOne({ _id: email, at: { $lt: subscribedAt } });
    },

    async unsubscribed(emails: readonly string[]): Promise<Set<string>> {
      const docs = await unsubscribes.find({ _id: { $in: emails } }).lean<UnsubscribeDoc[]>();
      return new Set(docs.map((d) => d._id));
    },
  };
}

export type SubscriptionRepository = ReturnType<typeof subscriptionRepository>;
