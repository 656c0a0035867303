// Request and response schemas of the subscription endpoints.
import { Audience, Email, FraudType, Locale, ObjectIdString } from '@lianxin/contracts';
import { z } from 'zod';

const unique = (list: readonly string[]) => new Set(list).size === list.length;

export const CreateSubscriptionBody = z
  .strictObject({
    fraudTypes: z.array(FraudType).max(FraudType.options.length).default([]),
    audiences: z.array(Audience).max(Audience.options.length).default([]),
    /** The language of the emails; Simplified Chinese unless English is chosen. */
    language: Locale.default('zh'),
    /** Required for police staff; a liaison's emails go to the address on their bank's record unless given. */
    email: Email.optional(),
  })
  .refine((b) => b.fraudTypes.length > 0 || b.audiences.length > 0, {
    error: 'Subscribe to at least one fraud type or audience',
    path: ['fraudTypes'],
  })
  .refine((b) => unique(b.fraudTypes) && unique(b.audiences), {
    error: 'A fraud type or audience is listed twice',
    path: ['fraudTypes'],
  });
export type CreateSubscriptionBody = z.output<typeof CreateSubscriptionBody>;

export const SubscriptionParams = z.strictObject({ subscriptionId: ObjectIdString });

export const SubscriptionDto = z.object({
  id: z.string(),
  subscriber: z.object({
    id: z.string(),
    role: z.string(),
    bankId: z.string().nullable(),
    name: z.string().nullable(),
    /** Masked in responses: j***@example.com. */
    email: z.string().nullable(),
  }),
  fraudTypes: z.array(FraudType),
  audiences: z.array(Audience),
  language: Locale,
  createdAt: z.string(),
});

export const SubscriptionList = z.object({ items: z.array(SubscriptionDto), total: z.int() });
