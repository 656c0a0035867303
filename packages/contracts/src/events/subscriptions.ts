// Events of bulletin subscriptions: who wants which fraud types and audiences, so the notifier can email them.
import { z } from 'zod';
import { Audience, FraudType, Role } from '../enums/index.ts';
import { Locale } from '../labels.ts';
import { Email, Instant, ObjectIdString, PersonName, UserId } from '../values.ts';

// A subscription is its own small aggregate in content (subject = subscription id) and its
// events travel on the bulletins topic, so a consumer sees subscriptions and publications in
// one stream. Snapshots, as elsewhere: the notifier keeps them without calling content.

const SubscriberIdentity = z.object({
  /** The JWT `sub` of the subscriber (a liaison's is their liaison id). */
  id: UserId,
  role: Role,
  /** The liaison's bank; null for police staff. */
  bankId: ObjectIdString.nullable(),
});

function bankOnlyForLiaisons(
  subscriber: { role: Role; bankId: string | null },
  ctx: z.RefinementCtx,
): void {
  if ((subscriber.role === 'liaison') !== (subscriber.bankId !== null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['bankId'],
      message: 'A liaison subscribes for their bank; police staff have no bank',
    });
  }
}

export const Subscriber = SubscriberIdentity.extend({
  name: PersonName.nullable(),
  /**
   * Where to send. Police staff give one when subscribing; a liaison may leave it null, and
   * then the notifier uses the address on the liaison's record in the banks service.
   */
  email: Email.nullable(),
}).superRefine(bankOnlyForLiaisons);
export type Subscriber = z.infer<typeof Subscriber>;

/**
 * What a subscription asks for. An empty list means "any"; at least one list is non-empty.
 * A bulletin matches when it matches every non-empty list (see `subscriptionMatches`).
 */
export const SubscriptionFilter = z
  .object({
    fraudTypes: z.array(FraudType).max(FraudType.options.length),
    audiences: z.array(Audience).max(Audience.options.length),
  })
  .refine((filter) => filter.fraudTypes.length > 0 || filter.audiences.length > 0, {
    error: 'Subscribe to at least one fraud type or audience',
    path: ['fraudTypes'],
  });
export type SubscriptionFilter = z.infer<typeof SubscriptionFilter>;

export const SubscriptionSnapshot = z.object({
  id: ObjectIdString,
  subscriber: Subscriber,
  fraudTypes: SubscriptionFilter.shape.fraudTypes,
  audiences: SubscriptionFilter.shape.audiences,
  /** The language of the emails: Simplified Chinese unless the subscriber chose English. */
  language: Locale,
  createdAt: Instant,
});
export type SubscriptionSnapshot = z.infer<typeof SubscriptionSnapshot>;

export const SubscriptionCreated = SubscriptionSnapshot;
export type SubscriptionCreated = z.infer<typeof SubscriptionCreated>;

/** Only who and when: a removed subscription's address has no reason to keep travelling. */
export const SubscriptionRemoved = z.object({
  id: ObjectIdString,
  subscriber: SubscriberIdentity.superRefine(bankOnlyForLiaisons),
  removedBy: UserId,
  removedAt: Instant,
});
export type SubscriptionRemoved = z.infer<typeof SubscriptionRemoved>;

/** The one rule for "does this subscriber want this bulletin", shared by content and the notifier. */
export function subscriptionMatches(
  filter: { fraudTypes: readonly FraudType[]; audiences: readonly Audience[] },
  bulletin: { fraudType: FraudType; audiences: readonly Audience[] },
): boolean {
  if (filter.fraudTypes.length === 0 && filter.audiences.length === 0) return false;
  const typeOk = filter.fraudTypes.length === 0 || filter.fraudTypes.includes(bulletin.fraudType);
  const audienceOk =
    filter.audiences.length === 0 ||
    filter.audiences.some((audience) => bulletin.audiences.includes(audience));
  return typeOk && audienceOk;
}
