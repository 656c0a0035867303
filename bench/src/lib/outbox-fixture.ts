// Aggregates with pending events made through the platform's outbox API, and an in-process relay over them.
import { randomBytes, randomUUID } from 'node:crypto';
import { connectDb } from '@lianxin/platform/db';
import {
  createKafka,
  ensureTopics,
  initialOutbox,
  newEvent,
  outboxPlugin,
  OutboxRelay,
  withEvents,
} from '@lianxin/platform/messaging';
import mongoose, { type Connection, type Model } from 'mongoose';
import { pino } from 'pino';

export const AGGREGATES = 'bench_aggregates';

export interface Aggregate {
  _id: string;
  title: string;
}

/** About the size of a registration event's data (an attendee with masked contact, ids, times). */
export function eventData(): Record<string, unknown> {
  return {
    registrationId: randomUUID(),
    sessionId: randomUUID(),
    bankId: randomBytes(12).toString('hex'),
    attendee: {
      name: '员工',
      position: '客户经理',
      branch: '香河支行营业部',
      mobileMasked: '138****5678',
    },
    status: 'confirmed',
    at: new Date().toISOString(),
    note: randomBytes(48).toString('hex'),
  };
}

export interface OutboxBench {
  conn: Connection;
  model: Model<Aggregate>;
  kafka: ReturnType<typeof createKafka>;
  topic: string;
  relay: (opts?: { pollMs?: number }) => OutboxRelay;
  /** Inserts `aggregates` new aggregates, each created with `events` pending events (bulk, 500 a batch). */
  seed: (aggregates: number, events: number) => Promise<string[]>;
  /** One state change with one event on each of these aggregates, as a use case writes it. */
  touch: (ids: readonly string[]) => Promise<void>;
  close: () => Promise<void>;
}

export async function outboxBench(
  mongoUrl: string,
  dbName: string,
  kafkaBrokers: string,
  topic: string,
): Promise<OutboxBench> {
  const conn = await connectDb({ url: mongoUrl, dbName, poolSize: 10 });
  const schema = new mongoose.Schema<Aggregate>(
    { _id: String, title: String },
    { versionKey: false },
  );
  schema.plugin(outboxPlugin);
  const model = conn.model<Aggregate>('BenchAggregate', schema, AGGREGATES);
  await model.init();
  const kafka = createKafka({ brokers: kafkaBrokers.split(','), clientId: 'bench-relay' });
  await ensureTopics(kafka, [{ topic, partitions: 3, replicationFactor: 1 }]);
  const log = pino({ level: 'silent' });
  const coll = () => {
    const db = conn.db;
    if (!db) throw new Error('no database');
    return db.collection<{ _id: string } & Record<string, unknown>>(AGGREGATES);
  };
  return {
    conn,
    model,
    kafka,
    topic,
    relay: (opts = {}) =>
      new OutboxRelay({
        kafka,
        connection: conn,
        source: 'bench',
        sources: [{ collection: AGGREGATES, topicFor: () => topic }],
        log,
        ...(opts.pollMs === undefined ? {} : { pollMs: opts.pollMs }),
      }),
    seed: async (aggregates, events) => {
      const ids: string[] = [];
      for (let done = 0; done < aggregates; done += 500) {
        const batch = Array.from({ length: Math.min(500, aggregates - done) }, () => {
          const id = randomUUID();
          ids.push(id);
          return events === 0
            ? {
                _id: id,
                // An aggregate whose events were all published, as the relay leaves it.
                title: 'quiet',
                version: 1,
                outbox: [],
                outboxCount: 0,
                outboxPending: false,
                outboxLeaseOwner: null,
                outboxLeaseUntil: null,
              }
            : {
                _id: id,
                title: 'busy',
                ...initialOutbox(
                  Array.from({ length: events }, () => newEvent('bench.happened', eventData())),
                ),
              };
        });
        await coll().insertMany(batch);
      }
      return ids;
    },
    touch: async (ids) => {
      await Promise.all(
        ids.map((id) =>
          coll().updateOne(
            { _id: id },
            withEvents({ $set: { title: 'touched' } }, [newEvent('bench.happened', eventData())]),
          ),
        ),
      );
    },
    close: async () => {
      await conn.close();
    },
  };
}
