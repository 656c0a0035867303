// The kafkajs client of a service, logging through pino, and topic creation at start-up.
import { Kafka, logLevel, Partitioners, type logCreator, type ProducerConfig } from 'kafkajs';
import type { Logger } from 'pino';

export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  log?: Logger;
  /** Per-request timeout; the outbox, not kafkajs's retries, is what keeps an event. */
  requestTimeoutMs?: number;
}

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

function pinoLogCreator(log: Logger): logCreator {
  return () =>
    ({ level, log: entry }) => {
      const { message, ...rest } = entry;
      log[levels[level] ?? 'info']({ kafka: rest }, message);
    };
}

export function createKafka(opts: KafkaOptions): Kafka {
  return new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    requestTimeout: opts.requestTimeoutMs ?? 10_000,
    connectionTimeout: 3_000,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
    ...(opts.log
      ? {
          logLevel: logLevel.WARN,
          logCreator: pinoLogCreator(opts.log.child({ component: 'kafkajs' })),
        }
      : { logLevel: logLevel.NOTHING }),
  });
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
}

/** Creates the topics that don't exist yet; existing ones are left as they are. */
export async function ensureTopics(kafka: Kafka, topics: TopicSpec[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.topic,
        numPartitions: t.partitions,
        replicationFactor: t.replicationFactor,
      })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** For /readyz: resolves when a broker answers a metadata request. */
export async function pingKafka(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}

/**
 * Producer settings for events: idempotent, one request in flight (so retries keep order), and
 * kafkajs's default partitioner named explicitly (murmur2 on the key, as Java clients do).
 */
export const EVENT_PRODUCER: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
};
