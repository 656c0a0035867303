// Use case: end a subscription the caller may see; another bank's (or another officer's) is a 404.
import type { Principal } from '@lianxin/platform/auth';
import { notFound } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import { visibilityOf } from './list-subscriptions.ts';
import { removedEvent } from './subscription.events.ts';

export async function removeSubscription(
  deps: Deps,
  principal: Principal,
  id: string,
): Promise<void> {
  const subscription = await deps.subscriptions.get(visibilityOf(principal), id);
  if (subscription === null) throw notFound({ zh: '订阅不存在', en: 'No such subscription' });
  const at = deps.now().toISOString();
  // A concurrent removal may win; the subscription is gone either way, so both answer 204.
  await deps.subscriptions.remove(id, principal.sub, at, [
    removedEvent(subscription, principal.sub, at),
  ]);
}
