// The outbox relay's sources: which collection's events go to which topic, with which key.
import { isEventType, partitionKeyOf, topicOf, type Event } from '@lianxin/contracts';
import type { RelaySource } from '@lianxin/platform/messaging';
import { SESSION_UPDATED } from '../sessions/session.events.ts';
import type { Topics } from './deps.ts';

/** Maps a contract topic name to this deployment's (tests prefix them). */
function topicFor(topics: Topics) {
  return (type: string): string => {
    if (type === SESSION_UPDATED) return topics.sessions;
    if (!isEventType(type)) throw new Error(`no topic for event type ${type}`);
    const contractTopic = topicOf(type);
    if (contractTopic === 'lianxin.sessions.v1') return topics.sessions;
    if (contractTopic === 'lianxin.registrations.v1') return topics.registrations;
    throw new Error(`outreach does not publish ${type}`);
  };
}

export function relaySources(topics: Topics): RelaySource[] {
  const route = topicFor(topics);
  return [
    { collection: 'sessions', topicFor: route },
    { collection: 'opinions', topicFor: route },
    {
      collection: 'registrations',
      topicFor: route,
      // Keyed by session id (contracts' partitionKeyOf): one session's seats stay in order.
      keyFor: (doc, event) =>
        partitionKeyOf({ type: event.type, data: event.data, subject: String(doc._id) } as Event),
    },
  ];
}
