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
    // No event-id marks: every event is applied only if newer than the document's sequence, so a
    // redelivery is a no-op already, and the marks cost a read and a serialised write per event
    // (two of the three database calls that made outreach's consumer the e2e benchmark's bottleneck).
    fromBeginning: true,
    // Events are keyed by bank, so a bank's stay in order within its partition.
    partitionsConsumedConcurrently: 3,
    log: ctx.log,
    handle: (event) => applyBankEvent(ctx.db, event),
  });
}
