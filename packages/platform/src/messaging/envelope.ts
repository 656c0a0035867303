// How an event travels on Kafka: the envelope as JSON, keyed by aggregate, with type and id in headers.
import type { Message } from 'kafkajs';

export interface Envelope<T = unknown> {
  id: string;
  type: string;
  source: string;
  subject: string;
  sequence: number;
  time: string;
  schemaVersion: number;
  data: T;
}

export const HEADER_EVENT_ID = 'event-id';
export const HEADER_EVENT_TYPE = 'event-type';

export function encodeEnvelope(envelope: Envelope, key: string): Message {
  return {
    key,
    value: JSON.stringify(envelope),
    headers: {
      [HEADER_EVENT_ID]: envelope.id,
      [HEADER_EVENT_TYPE]: envelope.type,
      'content-type': 'application/json',
    },
  };
}
