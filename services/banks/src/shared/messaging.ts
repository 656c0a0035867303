// What the banks service publishes: its topic and the outbox the relay drains (it consumes nothing).
import { Topics, topicOf, type EventType } from '@lianxin/contracts';
import type { RelaySource } from '@lianxin/platform/messaging';

export const TOPICS = [Topics.banks] as const;

/** `topic` maps a catalogue topic name to this process's (identity; a prefix in tests). */
export function relaySources(topic: (name: string) => string): RelaySource[] {
  return [{ collection: 'banks', topicFor: (type) => topic(topicOf(type as EventType)) }];
}
