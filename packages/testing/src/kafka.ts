// Kafka helpers for tests: create topics and read back what was published, through a real broker.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export function kafkaClient(
  brokers: string[],
  clientId = `test-${randomUUID().slice(0, 8)}`,
): Kafka {
  // Retriable errors (coordinator loading) would be logged as ERROR; real failures reach the test as thrown errors.
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, retry: { retries: 8 } });
}

export async function createTopics(
  brokers: string[],
  topics: string[],
  numPartitions = 3,
): Promise<void> {
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
}

function headersOf(h: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map(String).join(',') : v.toString();
  }
  return out;
}

/**
 * Reads a topic from the beginning with a throwaway consumer group until `until`
 * returns true for the messages so far, or `timeoutMs` passes (then returns what it has).
 */
export async function readTopic(
  brokers: string[],
  topic: string,
  opts: { until: (msgs: ReadMessage[]) => boolean; timeoutMs?: number },
): Promise<ReadMessage[]> {
  const consumer = kafkaClient(brokers).consumer({ groupId: `reader-${randomUUID()}` });
  const msgs: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(resolvePromise, opts.timeoutMs ?? 20_000);
      consumer
        .run({
          eachMessage: async ({ topic: t, partition, message }) => {
            msgs.push({
              topic: t,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: headersOf(message.headers),
            });
            if (opts.until(msgs)) {
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
  }
  return msgs;
}
