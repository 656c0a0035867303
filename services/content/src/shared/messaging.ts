// What the content service publishes and consumes: its topics and the outboxes the relay drains.
import { isEventType, topicOf, Topics } from '@lianxin/contracts';
import type { RelaySource } from '@lianxin/platform/messaging';

/** Bulletin and subscription events go out on bulletins; the session read model comes from sessions. */
export const TOPICS = [Topics.bulletins, Topics.sessions] as const;

/** Both aggregates publish on the bulletins topic, keyed by their own id (the default). */
export function relaySources(topic: (name: string) => string): RelaySource[] {
  const topicFor = (type: string): string => {
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
