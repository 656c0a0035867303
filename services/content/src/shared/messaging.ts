// What the content service publishes and consumes: its topics and the outboxes the relay drains.
import { isEventType, topicOf, Topics } from '@lianxin/contracts';
import type { RelaySource } from '@lianxin/platform/messaging';

/**
 * Content's own topic: `bulletin.changed` of every bulletin write, read by each replica's search
 * index (ADR 036). Not in the contracts catalogue: no other service reads it.
 */
export const BULLETIN_CHANGES = 'lianxin.content-bulletin-changes.v1';

/** Bulletin and subscription events go out on bulletins; the session read model comes from sessions. */
export const TOPICS = [Topics.bulletins, Topics.sessions, BULLETIN_CHANGES] as const;

/** Both aggregates publish on the bulletins topic, keyed by their own id (the default). */
export function relaySources(topic: (name: string) => string): RelaySource[] {
  const topicFor = (type: string): string => {
    if (type === 'bulletin.changed') return topic(BULLETIN_CHANGES);
    if (!isEventType(type) || topicOf(type) !== Topics.bulletins) {
      throw new Error(`content does not publish ${type}`);
    }
    return topic(Topics.bulletins);
  };
  return [
    { collection: 'bulletins', topicFor },
    { collection: 'subscriptions', topicFor },
  ];
}
