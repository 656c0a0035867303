// How an event travels on Kafka: the envelope as JSON, keyed by aggregate, with type and id in headers.
import type { Envelope } from '@lianxin/contracts';
import type { Message } from 'kafkajs';

export type { Envelope };

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
