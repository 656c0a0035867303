// The Kafka entry point of the bank read model: parse (by the platform consumer) → apply one event.
import { EventConsumer } from '@lianxin/platform/messaging';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { applyBankEvent, BankEvents } from './bank.projection.ts';

export interface BankConsumerOptions {
  kafka: Kafka;
  conn: Connection;
  topic: string;
  groupId: string;
  log: Logger;
}

export function bankConsumer(opts: BankConsumerOptions): EventConsumer<typeof BankEvents> {
  return new EventConsumer({
    kafka: opts.kafka,
    groupId: opts.groupId,
    topics: [opts.topic],
    events: BankEvents,
    dedupe: opts.conn,
    fromBeginning: true,
    log: opts.log,
    handle: (event) => applyBankEvent(opts.conn, event),
  });
}
