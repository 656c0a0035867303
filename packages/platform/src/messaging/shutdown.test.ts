// A consumer stopping mid-message finishes it and commits, so the next member of its group does not redo it.
import { randomUUID } from 'node:crypto';
import { createTopics, testEnv } from '@lianxin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventConsumer } from './consumer.ts';
import { encodeEnvelope } from './envelope.ts';
import { EVENT_PRODUCER } from './kafka.ts';
import { CounterEvents } from './test-service/counter.ts';
import { fixture, type Fixture } from './test-service/fixture.ts';

const env = testEnv(import.meta.url);
let f: Fixture;
beforeAll(async () => {
  f = await fixture(import.meta.url);
});
afterAll(async () => {
  await f.close();
});

describe('consumer shutdown', () => {
  it('when stop() is called while a handler runs, then the handler completes, and a new member starts after it', async () => {
    const topic = env.topic(`shutdown-${randomUUID().slice(0, 6)}`);
    const groupId = `${env.id}-shutdown`;
    await createTopics(env.kafkaBrokers, [topic], 1);
    const subject = `s-${env.id}`;
    const ids = [randomUUID(), randomUUID()];
    const producer = f.kafka.producer(EVENT_PRODUCER);
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: ids.map((id, i) =>
        encodeEnvelope(
          {
            id,
            type: i === 0 ? 'counter.created' : 'counter.incremented',
            source: 'test',
            subject,
            sequence: i + 1,
            time: new Date().toISOString(),
            schemaVersion: 1,
            data: i === 0 ? { name: subject } : { by: 1 },
          },
          subject,
        ),
      ),
    });
    await producer.disconnect();

    const log: string[] = [];
    let started!: () => void;
    const inHandler = new Promise<void>((r) => (started = r));
    const first = new EventConsumer({
      kafka: f.kafka,
      groupId,
      topics: [topic],
      events: CounterEvents,
      log: f.log,
      handle: async (e) => {
        log.push(`first:start:${e.sequence}`);
        started();
        await new Promise((r) => setTimeout(r, 1_500));
        log.push(`first:end:${e.sequence}`);
      },
    });
    await first.start();
    await inHandler;
    await first.stop();
    log.push('stopped');
    expect(log.slice(0, 3)).toEqual(['first:start:1', 'first:end:1', 'stopped']);

    const seen: number[] = [];
    const second = new EventConsumer({
      kafka: f.kafka,
      groupId,
      topics: [topic],
      events: CounterEvents,
      log: f.log,
      handle: (e) => {
        seen.push(e.sequence);
        return Promise.resolve();
      },
    });
    await second.start();
    for (let i = 0; i < 100 && !seen.includes(2); i += 1)
      await new Promise((r) => setTimeout(r, 100));
    await second.stop();
    expect(seen).toEqual([2]); // the first event was finished and committed before the stop
  });
});
