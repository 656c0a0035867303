// What outreach consumes and publishes: its topics, the outboxes the relay drains (and with which key), its consumers.
import { isEventType, partitionKeyOf, Topics, topicOf, type Event } from '@lianxin/contracts';
import type { RelaySource } from '@lianxin/platform/messaging';
import { expandRegistrationEvent } from '../registrations/registration.events.ts';

/** The bank read model comes from banks; sessions, opinions and registrations go out. */
export const TOPICS = [Topics.banks, Topics.sessions, Topics.registrations] as const;

const PUBLISHED = new Set<string>([Topics.sessions, Topics.registrations]);

/** `topic` maps a catalogue topic name to this process's (identity; a prefix in tests). */
export function relaySources(topic: (name: string) => string): RelaySource[] {
  const topicFor = (type: string): string => {
    const name = isEventType(type) ? topicOf(type) : undefined;
    if (name === undefined || !PUBLISHED.has(name))
      throw new Error(`outreach does not publish ${type}`);
    return topic(name);
  };
  return [
    { collection: 'sessions', topicFor },
    { collection: 'opinions', topicFor },
    {
      collection: 'registrations',
      topicFor,
      // Keyed by session id (contracts' partitionKeyOf): one session's seats stay in order.
      keyFor: (doc, event) =>
        partitionKeyOf({ type: event.type, data: event.data, subject: String(doc._id) } as Event),
      // A session's cancellation appends one shared `registration.cancelled` to many (ADR 040).
      expand: expandRegistrationEvent,
    },
  ];
}
