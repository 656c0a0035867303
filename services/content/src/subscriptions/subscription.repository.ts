// The subscription store: bank-scoped reads, an idempotent insert under the unique key, removal with its event.
import type { Audience, FraudType, Locale, Subscriber } from '@lianxin/contracts';
import type { BankScope } from '@lianxin/platform/auth';
import { isDuplicateKey } from '@lianxin/platform/db';
import { initialOutbox, withEvents, type PendingEvent } from '@lianxin/platform/messaging';
import { Types, type Model, type QueryFilter } from 'mongoose';
import type { SubscriptionDoc } from './subscription.model.ts';

export interface Subscription {
  id: string;
  subscriber: Subscriber;
  fraudTypes: FraudType[];
  audiences: Audience[];
  language: Locale;
  createdAt: string;
}

function toSubscription(doc: SubscriptionDoc): Subscription {
  return {
    id: doc._id.toHexString(),
    subscriber: doc.subscriber,
    fraudTypes: doc.fraudTypes,
    audiences: doc.audiences,
    language: doc.language,
    createdAt: doc.createdAt,
  };
}

export const keyOf = (s: Pick<Subscription, 'subscriber' | 'fraudTypes' | 'audiences'>): string =>
  [s.subscriber.id, [...s.fraudTypes].sort().join(','), [...s.audiences].sort().join(',')].join(
    '|',
  );

/** Who may see a subscription: within the bank scope, and police staff other than the coordinator only their own. */
export interface Visibility {
  scope: BankScope;
  ownerId: string | undefined;
}

function visible(v: Visibility, query: QueryFilter<SubscriptionDoc>): QueryFilter<SubscriptionDoc> {
  const filter: QueryFilter<SubscriptionDoc> = { ...query, status: 'active' };
  if (v.scope.bankId !== undefined) filter.bankId = v.scope.bankId;
  if (v.ownerId !== undefined) filter['subscriber.id'] = v.ownerId;
  return filter;
}

export class SubscriptionRepository {
  constructor(
    private readonly model: Model<SubscriptionDoc>,
    private readonly afterWrite: () => void = () => undefined,
  ) {}

  newId(): string {
    return new Types.ObjectId().toHexString();
  }

  /** Inserts with its created event; if the same subscription is active already, returns that one instead. */
  async insert(
    s: Subscription,
    events: PendingEvent[],
  ): Promise<{ subscription: Subscription; created: boolean }> {
    try {
      await this.model.create({
        _id: new Types.ObjectId(s.id),
        subscriber: s.subscriber,
        bankId: s.subscriber.bankId,
        fraudTypes: s.fraudTypes,
        audiences: s.audiences,
        language: s.language,
        status: 'active',
        key: keyOf(s),
        createdAt: s.createdAt,
        removedAt: null,
        removedBy: null,
        ...initialOutbox(events),
      });
      this.afterWrite();
      return { subscription: s, created: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.model
        .findOne({ key: keyOf(s), status: 'active' })
        .lean<SubscriptionDoc>();
      if (existing === null) throw err;
      return { subscription: toSubscription(existing), created: false };
    }
  }

  async list(v: Visibility): Promise<Subscription[]> {
    const docs = await this.model
      .find(visible(v, {}))
      .sort({ createdAt: -1 })
      .limit(500)
      .lean<SubscriptionDoc[]>();
    return docs.map(toSubscription);
  }

  async get(v: Visibility, id: string): Promise<Subscription | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model
      .findOne(visible(v, { _id: new Types.ObjectId(id) }))
      .lean<SubscriptionDoc>();
    return doc === null ? null : toSubscription(doc);
  }

  /** Marks it removed with its event, only if still active: a second removal changes nothing. */
  async remove(
    id: string,
    removedBy: string,
    removedAt: string,
    events: PendingEvent[],
  ): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: new Types.ObjectId(id), status: 'active' },
      withEvents(
        { $set: { status: 'removed', key: `removed:${id}`, removedAt, removedBy } },
        events,
      ),
    );
    if (res.modifiedCount === 1) this.afterWrite();
    return res.modifiedCount === 1;
  }
}
