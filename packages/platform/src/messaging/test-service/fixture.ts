// Shared set-up of the messaging tests: a database, a topic and clients on the real servers, cleaned up after.
import { randomUUID } from 'node:crypto';
import { AnyEnvelope } from '@lianxin/contracts';
import { createTopics, testEnv } from '@lianxin/testing';
import type { Kafka } from 'kafkajs';
import type { Connection, Model } from 'mongoose';
import { pino, type Logger } from 'pino';
import { connectDb } from '../../db/index.ts';
import { createKafka } from '../kafka.ts';
import { OutboxRelay, type RelayOptions } from '../relay.ts';
import { counterModel, type Counter } from './counter.ts';

export interface Fixture {
  conn: Connection;
  kafka: Kafka;
  counters: Model<Counter>;
  topic: string;
  log: Logger;
  relay: (opts?: Partial<RelayOptions>) => OutboxRelay;
  close: () => Promise<void>;
}

export async function fixture(fileUrl: string, partitions = 3): Promise<Fixture> {
  const env = testEnv(fileUrl);
  const conn = await connectDb({ url: env.dbUrl });
  const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: env.id });
  const topic = env.topic(`counters-${randomUUID().slice(0, 6)}`);
  await createTopics(env.kafkaBrokers, [topic], partitions);
  const counters = counterModel(conn);
  await counters.init();
  const relays: OutboxRelay[] = [];
  return {
    conn,
    kafka,
    counters,
    topic,
    log,
    relay: (opts = {}) => {
      const relay = new OutboxRelay({
        kafka,
        connection: conn,
        source: 'test-service',
        sources: [{ collection: 'counters', topicFor: () => topic }],
        log,
        pollMs: 100,
        ...opts,
      });
      relays.push(relay);
      return relay;
    },
    close: async () => {
      await Promise.all(relays.map((r) => r.stop()));
      await conn.dropDatabase();
      await conn.close();
    },
  };
}

/** Parses the envelopes read back from a topic (validated: a malformed one fails the test). */
export function envelopes(values: (string | null)[]): AnyEnvelope[] {
  return values.map((v) => AnyEnvelope.parse(JSON.parse(v ?? 'null')));
}
