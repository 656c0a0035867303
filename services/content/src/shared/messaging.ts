// Topics, outbox relay sources and consumer groups of the content service.
import { isEventType, topicOf } from '@lianxin/contracts';
import type { RelaySource } from '@lianxin/platform/messaging';

export interface ContentTopics {
  bulletins: string;
  sessions: string;
}

/** Both aggregates publish on the bulletins topic, keyed by their own id (the default). */
export function relaySources(topics: ContentTopics): RelaySource[] {
  const topicFor = (type: string): string => {
    if (!isEventType(type) || topicOf(type) !== 'lianxin.bulletins.v1') {
      throw new Error(`content does not publish ${type}`);
    }
    return topics.bulletins;
  };
  return [
    { collection: 'bulletins', topicFor },
    { collection: 'subscriptions', topicFor },
  ];
}
