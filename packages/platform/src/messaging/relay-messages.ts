// What the relay sends for an aggregate: each pending event as an envelope message, with its topic, key and sequence.
import type { Message } from 'kafkajs';
import { encodeEnvelope, type Envelope } from './envelope.ts';
import { sequenceOf, sharedEventId, type PendingEvent } from './outbox.ts';
import type { OutboxDoc } from './release.ts';

export interface RelaySource {
  /** Collection of the aggregate (its mongoose model's collection name). */
  collection: string;
  /** Topic of each event type. */
  topicFor: (type: string) => string;
  /** Message key; default the aggregate id, so an aggregate's events stay on one partition. */
  keyFor?: (doc: Record<string, unknown>, event: PendingEvent) => string;
  /**
   * The data of a shared event (`newSharedEvent`) for one aggregate, from its document and the
   * event's common part; without it a shared event is published with the common part as is.
   */
  expand?: (doc: Record<string, unknown>, event: PendingEvent) => unknown;
}

/** A shared event as this aggregate's own: its derived id and its data. */
function expanded(source: RelaySource, doc: OutboxDoc, event: PendingEvent): PendingEvent {
  const id = sharedEventId(event.id, String(doc._id));
  return { ...event, id, data: source.expand?.(doc, event) ?? event.data };
}

/**
 * The aggregate's pending events as `[topic, message]`, in outbox order. Throws what the source's
 * `expand`, `topicFor` or `keyFor` throws (the relay then holds the aggregate back).
 */
export function messagesOf(
  source: RelaySource,
  service: string,
  doc: OutboxDoc,
): [string, Message][] {
  return doc.outbox.map((pending, i) => {
    const event = pending.shared ? expanded(source, doc, pending) : pending;
    const envelope: Envelope = {
      id: event.id,
      type: event.type,
      source: service,
      subject: String(doc._id),
      sequence: sequenceOf(doc, i),
      time: event.time,
      schemaVersion: event.schemaVersion,
      data: event.data,
    };
    return [
      source.topicFor(event.type),
      encodeEnvelope(envelope, source.keyFor?.(doc, event) ?? String(doc._id)),
    ];
  });
}
