// Use case: a liaison (for their bank) or police staff subscribe to fraud types and/or audiences; the notifier hears of it.
import type { Subscriber } from '@lianxin/contracts';
import type { Principal } from '@lianxin/platform/auth';
import { badRequest } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import { createdEvent } from './subscription.events.ts';
import type { Subscription } from './subscription.repository.ts';
import type { CreateSubscriptionBody } from './subscription.schemas.ts';

export async function createSubscription(
  deps: Deps,
  principal: Principal,
  body: CreateSubscriptionBody,
): Promise<{ subscription: Subscription; created: boolean }> {
  const email = body.email ?? null;
  if (principal.role !== 'liaison' && email === null) {
    throw badRequest(
      'VALIDATION_FAILED',
      { zh: '民警订阅需要填写接收邮箱', en: 'Police staff must give the email address to send to' },
      [
        {
          in: 'body',
          path: 'email',
          rule: 'required',
          message: { zh: '民警订阅必填', en: 'Required for police staff' },
        },
      ],
    );
  }
  const subscriber: Subscriber = {
    id: principal.sub,
    role: principal.role,
    bankId: principal.role === 'liaison' ? principal.bankId.toLowerCase() : null,
    name: principal.name.slice(0, 50),
    email,
  };
  const subscription: Subscription = {
    id: deps.subscriptions.newId(),
    subscriber,
    fraudTypes: [...body.fraudTypes].sort(),
    audiences: [...body.audiences].sort(),
    language: body.language,
    createdAt: deps.now().toISOString(),
  };
  return deps.subscriptions.insert(subscription, [createdEvent(subscription)]);
}
