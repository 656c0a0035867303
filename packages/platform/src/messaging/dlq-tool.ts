// Reading and replaying a consumer group's dead letters (behind `pnpm dlq`).
import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka } from 'kafkajs';
import { dlqTopicOf, headerString, originalHeaders } from './dlq.ts';
import { EVENT_PRODUCER } from './kafka.ts';

export interface DeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: IHeaders;
  eventId: string | undefined;
  eventType: string | undefined;
  kind: string | undefined;
  reason: string | undefined;
  attempts: string | undefined;
  at: string | undefined;
  origin: string;
}

/** Every dead letter of `group` for `topic`, read from the beginning up to the current end. */
export async function listDeadLetters(
  kafka: Kafka,
  topic: string,
  group: string,
): Promise<DeadLetter[]> {
  const dlq = dlqTopicOf(topic, group);
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(dlq)) return [];
    const ends = await admin.fetchTopicOffsets(dlq);
    const remaining = new Map(
      ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high)]),
    );
    if (remaining.size === 0) return [];
    const readerGroup = `dlq-reader-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId: readerGroup });
    const letters: DeadLetter[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: dlq, fromBeginning: true });
      await new Promise<void>((resolvePromise, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`reading ${dlq} took longer than 60 s`));
        }, 60_000);
        consumer
          .run({
            eachMessage: ({ partition, message }) => {
              const h = message.headers ?? {};
              letters.push({
                partition,
                offset: message.offset,
                key: message.key?.toString() ?? null,
                value: message.value,
                headers: h,
                eventId: headerString(h, 'event-id'),
                eventType: headerString(h, 'event-type'),
                kind: headerString(h, 'dlq-kind'),
                reason: headerString(h, 'dlq-reason'),
                attempts: headerString(h, 'dlq-attempts'),
                at: headerString(h, 'dlq-at'),
                origin: `${headerString(h, 'dlq-topic') ?? topic}[${headerString(h, 'dlq-partition') ?? '?'}]@${headerString(h, 'dlq-offset') ?? '?'}`,
              });
              const end = remaining.get(partition);
              if (end !== undefined && BigInt(message.offset) + 1n >= end)
                remaining.delete(partition);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolvePromise();
              }
              return Promise.resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([readerGroup]).catch(() => undefined);
    }
    return letters.sort(
      (a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Re-publishes dead letters to the topic they came from, with their original key and headers.
 * Consumers are idempotent, so replaying what was already applied changes nothing.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  topic: string,
  group: string,
  select: (letter: DeadLetter) => boolean,
): Promise<DeadLetter[]> {
  const chosen = (await listDeadLetters(kafka, topic, group)).filter(select);
  if (chosen.length === 0) return [];
  const producer = kafka.producer(EVENT_PRODUCER);
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: chosen.map((l) => ({
        key: l.key,
        value: l.value,
        headers: {
          ...originalHeaders(l.headers),
          'dlq-replayed-from': `${dlqTopicOf(topic, group)}[${l.partition}]@${l.offset}`,
        },
      })),
    });
  } finally {
    await producer.disconnect();
  }
  return chosen;
}
