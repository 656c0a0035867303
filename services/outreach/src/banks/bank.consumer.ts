// The Kafka entry point of the bank read model: parse (by the platform consumer) → apply one event.
import { EventConsumer } from '@lianxin/platform/messaging';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { applyBankEvent, BankEvents } from './bank.projection.ts';

/** `topic` and `groupId` as this process names them (a prefix in tests and drills). */
export function bankConsumer(
  ctx: { kafka: Kafka; db: Connection; log: Logger },
  topic: string,
  groupId: string,
): EventConsumer<typeof BankEvents> {
  return new EventConsumer({
    kafka: ctx.kafka,
    groupId,
    topics: [topic],
    events: BankEvents,
    dedupe: ctx.db,
    fromBeginning: true,
    log: ctx.log,
    handle: (event) => applyBankEvent(ctx.db, event),
  });
}
