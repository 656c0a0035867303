// The Kafka entry point of the facts: one consumer group over the four topics, from the beginning.
import { EventConsumer } from '@lianxin/platform/messaging';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { applyFactEvent, FactEvents } from './fact.projection.ts';
import type { FactRepository } from './fact.repository.ts';

export interface FactConsumerOptions {
  kafka: Kafka;
  conn: Connection;
  topics: string[];
  groupId: string;
  log: Logger;
  facts: FactRepository;
}

export function factConsumer(opts: FactConsumerOptions): EventConsumer<typeof FactEvents> {
  return new EventConsumer({
    kafka: opts.kafka,
    groupId: opts.groupId,
    topics: opts.topics,
    events: FactEvents,
    // The marks only save work: the projection is idempotent on its own.
    dedupe: opts.conn,
    // A new group rebuilds the facts from the whole of every topic.
    fromBeginning: true,
    partitionsConsumedConcurrently: 3,
    log: opts.log,
    handle: (event) => applyFactEvent(opts.facts, event),
  });
}
