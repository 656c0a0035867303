// Tests for pruning dedupe marks: only marks older than the topics' retention (plus a day) go; infinite retention keeps all.
import { kafkaClient, testEnv } from '@lianxin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { connectDb } from '../db/index.ts';
import { createKafka } from './kafka.ts';
import { pruneDedupeMarks, RETENTION_MARGIN_MS } from './dedupe-prune.ts';
import { pino } from 'pino';

const env = testEnv(import.meta.url);
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: `${env.id}-prune` });
const hourTopic = env.topic('prune.hour');
const foreverTopic = env.topic('prune.forever');
let db: Connection;

beforeAll(async () => {
  db = await connectDb({ url: env.dbUrl });
  const admin = kafkaClient(env.kafkaBrokers).admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      {
        topic: hourTopic,
        numPartitions: 1,
        configEntries: [{ name: 'retention.ms', value: '3600000' }],
      },
      {
        topic: foreverTopic,
        numPartitions: 1,
        configEntries: [{ name: 'retention.ms', value: '-1' }],
      },
    ],
  });
  await admin.disconnect();
});
afterAll(async () => {
  await db.dropDatabase();
  await db.close();
});

const now = new Date('2026-12-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

async function seed(): Promise<void> {
  const marks = db.collection<{ _id: string; at: Date }>('processed_events');
  await marks.deleteMany({});
  await marks.insertMany([
    { _id: 'g:fresh', at: ago(60_000) },
    { _id: 'g:past-retention-within-margin', at: ago(3_600_000 + RETENTION_MARGIN_MS / 2) },
    { _id: 'g:past-retention-and-margin', at: ago(3_600_000 + RETENTION_MARGIN_MS + 60_000) },
    { _id: 'g:ancient', at: ago(30 * RETENTION_MARGIN_MS) },
  ]);
}

async function remaining(): Promise<string[]> {
  const docs = await db.collection<{ _id: string }>('processed_events').find().toArray();
  return docs.map((d) => d._id).sort();
}

describe('dedupe mark pruning', () => {
  it('when the topic keeps an hour, then marks older than an hour and a day go and the rest stay', async () => {
    await seed();
    const log = pino({ level: 'silent' });
    const result = await pruneDedupeMarks({
      connection: db,
      kafka,
      topics: [hourTopic],
      log,
      now: () => now,
    });
    expect(result.deleted).toBe(2);
    expect(await remaining()).toEqual(['g:fresh', 'g:past-retention-within-margin']);
  });

  it('when one topic keeps messages forever, then no mark goes (any event can be replayed)', async () => {
    await seed();
    const log = pino({ level: 'silent' });
    const result = await pruneDedupeMarks({
      connection: db,
      kafka,
      topics: [hourTopic, foreverTopic],
      log,
      now: () => now,
    });
    expect(result).toEqual({ deleted: 0, before: null });
    expect(await remaining()).toHaveLength(4);
  });
});
