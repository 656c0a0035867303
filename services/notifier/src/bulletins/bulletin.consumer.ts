// Kafka entry of lianxin.bulletins.v1: keep the subscriptions, email a published version, hold back a retracted one.
import { pickEvents } from '@lianxin/contracts';
import type { EventOf } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { bulletinKey, sendBulletin } from './send-bulletin.ts';

export const BulletinEvents = pickEvents(
  'bulletin.published',
  'bulletin.retracted',
  'subscription.created',
  'subscription.removed',
);
export type BulletinEvent = EventOf<typeof BulletinEvents>;

export async function handleBulletinEvent(deps: Deps, event: BulletinEvent): Promise<void> {
  switch (event.type) {
    case 'bulletin.published':
      await sendBulletin(deps, event);
      return;
    case 'bulletin.retracted':
      // Emails of the retracted version still waiting (a retry, an outage) are not sent.
      await deps.deliveries.cancelKey(
        bulletinKey(event.data.id, event.data.version),
        'bulletin retracted',
      );
      return;
    case 'subscription.created': {
      const d = event.data;
      await deps.subscriptions.apply(d.id, event.sequence, {
        subscriber: d.subscriber,
        fraudTypes: d.fraudTypes,
        audiences: d.audiences,
        language: d.language,
        createdAt: d.createdAt,
        removed: false,
      });
      if (d.subscriber.email !== null)
        await deps.subscriptions.resubscribed(d.subscriber.email, new Date(d.createdAt));
      return;
    }
    case 'subscription.removed':
      await deps.subscriptions.apply(event.data.id, event.sequence, { removed: true });
      return;
  }
}
