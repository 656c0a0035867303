// Consumer lag of a group over its topics: messages on the brokers the group has not committed yet.
import type { Kafka } from 'kafkajs';

export interface Lag {
  total: number;
  topics: Record<string, number>;
}

/** High watermarks now, per topic and partition (what "caught up" means for a replay). */
export async function highWatermarks(
  kafka: Kafka,
  topics: readonly string[],
): Promise<Map<string, Map<number, bigint>>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const out = new Map<string, Map<number, bigint>>();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      out.set(topic, new Map(offsets.map((o) => [o.partition, BigInt(o.high)])));
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}

/**
 * How far `groupId` is behind `targets` (default: the high watermarks now). A partition the
 * group never committed counts from its start.
 */
export async function measureLag(
  kafka: Kafka,
  groupId: string,
  topics: readonly string[],
  targets?: Map<string, Map<number, bigint>>,
): Promise<Lag> {
  const highs = targets ?? (await highWatermarks(kafka, topics));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    const lag: Lag = { total: 0, topics: {} };
    for (const { topic, partitions } of committed) {
      let sum = 0n;
      for (const [partition, high] of highs.get(topic) ?? []) {
        const at = partitions.find((p) => p.partition === partition)?.offset ?? '-1';
        const done = BigInt(at) < 0n ? 0n : BigInt(at);
        if (high > done) sum += high - done;
      }
      lag.topics[topic] = Number(sum);
      lag.total += Number(sum);
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}
