// Dead letters can be listed and replayed: after a fix, a replayed event is applied, and replaying twice changes nothing.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTopics, testEnv } from '@lianxin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventConsumer } from './consumer.ts';
import { listDeadLetters, replayDeadLetters } from './dlq-tool.ts';
import { encodeEnvelope, type Envelope } from './envelope.ts';
import { CounterEvents } from './test-service/counter.ts';
import { fixture, type Fixture } from './test-service/fixture.ts';
import { counterProjection, PROJECTION } from './test-service/projection.ts';

const env = testEnv(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let f: Fixture;
let consumer: EventConsumer<typeof CounterEvents> | undefined;
beforeAll(async () => {
  f = await fixture(import.meta.url);
});
afterAll(async () => {
  await consumer?.stop();
  await f.close();
});

const ev = (subject: string, sequence: number, type: string, data: unknown): Envelope => ({
  id: randomUUID(),
  type,
  source: 'test',
  subject,
  sequence,
  time: new Date().toISOString(),
  schemaVersion: 1,
  data,
});

describe('dead-letter tool', () => {
  it('when a handler failed on an event and is fixed, then replaying the dead letter applies it, once', async () => {
    const topic = env.topic(`dlq-${randomUUID().slice(0, 6)}`);
    const groupId = `${env.id}-dlq`;
    await createTopics(env.kafkaBrokers, [topic], 1);
    const subject = `d-${env.id}`;
    const created = ev(subject, 1, 'counter.created', { name: subject });
    const inc = ev(subject, 2, 'counter.incremented', { by: 7 });
    let broken = true;
    const p = counterProjection(f.conn);
    consumer = new EventConsumer({
      kafka: f.kafka,
      groupId,
      topics: [topic],
      events: CounterEvents,
      log: f.log,
      dedupe: f.conn,
      retry: { attempts: 2, initialMs: 10, maxMs: 20 },
      handle: async (e) => {
        if (broken && e.type === 'counter.incremented')
          throw new Error('projection store read-only');
        await p.handle(e);
      },
    });
    await consumer.start();
    const producer = f.kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [encodeEnvelope(created, subject), encodeEnvelope(inc, subject)],
    });
    await producer.disconnect();

    let letters = await listDeadLetters(f.kafka, topic, groupId);
    for (let i = 0; letters.length === 0 && i < 100; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      letters = await listDeadLetters(f.kafka, topic, groupId);
    }
    expect(letters.map((l) => [l.eventId, l.eventType, l.kind, l.reason])).toEqual([
      [inc.id, 'counter.incremented', 'handler', 'projection store read-only'],
    ]);

    // The CLI prints the same dead letter.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'packages/platform/src/messaging/dlq-cli.ts', 'list', topic, groupId],
      {
        cwd: repoRoot,
        env: { ...process.env, KAFKA_BROKERS: env.kafkaBrokers.join(',') },
      },
    );
    expect(stdout).toContain(inc.id);
    expect(stdout).toContain('1 dead letter(s)');

    broken = false;
    const totals = () => f.conn.db?.collection(PROJECTION).findOne({ _id: subject as never });
    expect(
      await replayDeadLetters(f.kafka, topic, groupId, (l) => l.eventId === inc.id),
    ).toHaveLength(1);
    for (let i = 0; (await totals())?.sequence !== 2 && i < 100; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await totals()).toMatchObject({ sequence: 2, total: 7 });

    // A second replay is absorbed by the consumer's idempotency.
    await replayDeadLetters(f.kafka, topic, groupId, () => true);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await totals()).toMatchObject({ sequence: 2, total: 7 });
    expect(p.applied.get(subject)).toEqual([1, 2]);
  });
});
