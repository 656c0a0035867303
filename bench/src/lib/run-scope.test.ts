// Two bench runs on one database server and one broker: the second's start-up clean-up never takes the first's data.
import { randomBytes } from 'node:crypto';
import { createKafka, ensureTopics } from '@lianxin/platform/messaging';
import { testEnv } from '@lianxin/testing';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  benchDbName,
  benchTopic,
  deleteRunTopics,
  dropRunDatabases,
  runOf,
  runTagOf,
} from './run-scope.ts';
import type { Backend } from './stack.ts';

const env = testEnv(import.meta.url);
// A backend name of this file's own, so no real run's databases are in what the tests list.
const backend: Backend = { name: `t${randomBytes(3).toString('hex')}`, mongoUrl: env.mongoUrl };
const REGISTRATIONS = 2_000;
let mongo: MongoClient;

beforeAll(async () => {
  mongo = await MongoClient.connect(env.mongoUrl);
});

afterAll(async () => {
  const { databases } = await mongo.db('admin').admin().listDatabases({ nameOnly: true });
  for (const d of databases)
    if (d.name.includes(`_${backend.name}_`)) await mongo.db(d.name).dropDatabase();
  await mongo.close();
});

describe('run tags', () => {
  it('when a name is a run’s database or topic, then its tag and pid are read back, and other names are not a run’s', () => {
    const tag = runTagOf(4321, new Date('2026-12-01T17:00:00Z'));
    expect(runOf(benchDbName(backend, 'outreach', tag))).toEqual({ tag, pid: 4321 });
    expect(runOf(benchTopic('lianxin.banks.v1', tag))).toEqual({ tag, pid: 4321 });
    // The names runs used before they had tags, and the tests' own, are nobody's run.
    expect(runOf('bench_postgresql_outreach')).toBeUndefined();
    expect(runOf('bench_postgresql_content_search_10000')).toBeUndefined();
    expect(runOf('lx_reads_ab12cd34')).toBeUndefined();
    expect(runOf('lianxin.banks.v1')).toBeUndefined();
  });
});

describe('dropRunDatabases', () => {
  it('when a second run starts while the first reads its session, then every read of the first finds the session and all its registrations', async () => {
    const first = runTagOf(process.pid, new Date(Date.now() - 60_000));
    const second = runTagOf(process.pid, new Date());
    const db = mongo.db(benchDbName(backend, 'outreach', first));
    const sessionId = randomBytes(12).toString('hex');
    const sessions = db.collection<{ _id: string }>('sessions');
    await sessions.insertOne({ _id: sessionId });
    const regs = db.collection('registrations');
    for (let i = 0; i < REGISTRATIONS; i += 200)
      await regs.insertMany(
        Array.from({ length: 200 }, (_, k) => ({ sessionId, n: i + k, name: `员工${i + k}` })),
      );

    // 8 readers, as the reads benchmark's requests do: the session, then its registrations.
    const outcomes: string[] = [];
    let reading = true;
    const reader = async () => {
      while (reading) {
        try {
          const session = await sessions.findOne({ _id: sessionId });
          if (!session) {
            outcomes.push('session missing');
            continue;
          }
          const list = await regs.find({ sessionId }).toArray();
          outcomes.push(list.length === REGISTRATIONS ? 'ok' : `${list.length} registrations`);
        } catch (err) {
          outcomes.push(`error: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    };
    const readers = Array.from({ length: 8 }, () => reader());
    while (outcomes.length < 8) await new Promise((r) => setTimeout(r, 20));
    const dropped = await dropRunDatabases(backend, second);
    const before = outcomes.length;
    while (outcomes.length < before + 16) await new Promise((r) => setTimeout(r, 20));
    reading = false;
    await Promise.all(readers);

    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
    expect(dropped).not.toContain(benchDbName(backend, 'outreach', first));
  });

  it('when a run has ended without clearing up, then the next run drops its databases, and a live run’s stay', async () => {
    const dead = runTagOf(999_999_999, new Date(Date.now() - 3_600_000));
    const live = runTagOf(process.pid, new Date(Date.now() - 60_000));
    const next = runTagOf(process.pid, new Date());
    for (const run of [dead, live, next])
      await mongo
        .db(benchDbName(backend, 'banks', run))
        .collection('banks')
        .insertOne({ run });
    const alive = (pid: number) => pid === process.pid;

    const dropped = await dropRunDatabases(backend, next, alive);

    expect(dropped.filter((n) => n.includes(`_${backend.name}_`)).sort()).toEqual(
      [benchDbName(backend, 'banks', dead), benchDbName(backend, 'banks', next)].sort(),
    );
    const kept = mongo.db(benchDbName(backend, 'banks', live)).collection('banks');
    expect(await kept.countDocuments({ run: live })).toBe(1);
  });
});

describe('deleteRunTopics', () => {
  it('when a run has ended, then the next run deletes its topics, and a live run’s stay', async () => {
    const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: `${env.id}-topics` });
    const dead = runTagOf(999_999_998, new Date(Date.now() - 3_600_000));
    const live = runTagOf(process.pid, new Date(Date.now() - 60_000));
    const next = runTagOf(process.pid, new Date());
    const name = `${env.topicPrefix}banks`;
    await ensureTopics(
      kafka,
      [dead, live].map((run) => ({
        topic: benchTopic(name, run),
        partitions: 1,
        replicationFactor: 1,
      })),
    );
    const alive = (pid: number) => pid === process.pid;

    const deleted = await deleteRunTopics(kafka, next, alive);

    expect(deleted).toContain(benchTopic(name, dead));
    expect(deleted).not.toContain(benchTopic(name, live));
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).toContain(benchTopic(name, live));
    } finally {
      await admin.disconnect();
    }
    await deleteRunTopics(kafka, live, alive);
  });
});
