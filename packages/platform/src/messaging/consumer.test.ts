// The consumer against the real broker and database: redelivery, poison messages, failing handlers, ordering.
import { randomUUID } from 'node:crypto';
import { createTopics, readTopic, testEnv } from '@lianxin/testing';
import type { Message } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventConsumer, type EventOf } from './consumer.ts';
import { encodeEnvelope, type Envelope } from './envelope.ts';
import { dlqTopicOf } from './dlq.ts';
import { CounterEvents } from './test-service/counter.ts';
import { fixture, type Fixture } from './test-service/fixture.ts';
import { counterProjection, PROJECTION } from './test-service/projection.ts';

const env = testEnv(import.meta.url);
let f: Fixture;
const consumers: EventConsumer<typeof CounterEvents>[] = [];
beforeAll(async () => {
  f = await fixture(import.meta.url, 4);
});
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await f.close();
});

function envelope(subject: string, sequence: number, data: unknown = { by: 1 }): Envelope {
  return {
    id: randomUUID(),
    type: sequence === 1 ? 'counter.created' : 'counter.incremented',
    source: 'test',
    subject,
    sequence,
    time: new Date().toISOString(),
    schemaVersion: 1,
    data: sequence === 1 ? { name: subject } : data,
  };
}

async function produce(topic: string, messages: Message[]): Promise<void> {
  const producer = f.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
}

async function startConsumer(
  topic: string,
  groupId: string,
  handle: (e: EventOf<typeof CounterEvents>) => Promise<void>,
  opts: { dedupe?: boolean; attempts?: number } = {},
): Promise<EventConsumer<typeof CounterEvents>> {
  const c = new EventConsumer({
    kafka: f.kafka,
    groupId,
    topics: [topic],
    events: CounterEvents,
    handle,
    log: f.log,
    ...(opts.dedupe === false ? {} : { dedupe: f.conn }),
    retry: { attempts: opts.attempts ?? 3, initialMs: 20, maxMs: 100 },
    partitionsConsumedConcurrently: 4,
  });
  consumers.push(c);
  await c.start();
  return c;
}

async function waitUntil(
  check: () => Promise<boolean> | boolean,
  what: string,
  ms = 30_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const totals = (subject: string) =>
  f.conn.db?.collection(PROJECTION).findOne({ _id: subject as never });

describe('event consumer', () => {
  it('when every event is delivered three times, then the projection ends exactly as with one delivery', async () => {
    const topic = env.topic(`redeliver-${randomUUID().slice(0, 6)}`);
    const subjects = Array.from({ length: 5 }, (_, i) => `r-${env.id}-${i}`);
    const events = subjects.flatMap((s) =>
      Array.from({ length: 6 }, (_, i) => envelope(s, i + 1, { by: i + 1 })),
    );
    // Three deliveries, the copies interleaved the way a crash-and-replay would produce them.
    const messages = [...events, ...events, ...events].map((e) => encodeEnvelope(e, e.subject));
    await produce(topic, messages);

    for (const dedupe of [true, false]) {
      const p = counterProjection(f.conn);
      const seen: string[] = [];
      await startConsumer(
        topic,
        `${env.id}-redeliver-${String(dedupe)}`,
        async (e) => {
          seen.push(e.id);
          await p.handle(e);
        },
        { dedupe },
      );
      await waitUntil(
        () => seen.length >= (dedupe ? events.length : messages.length),
        'deliveries',
      );
      for (const s of subjects) {
        // 2+3+4+5+6 = 20 whatever the number of deliveries; each sequence applied once, in order
        expect(await totals(s)).toMatchObject({ sequence: 6, total: 20, name: s });
      }
      if (!dedupe) for (const s of subjects) expect(p.applied.get(s) ?? []).toEqual([]); // all already applied
    }
  });

  it('when a message is invalid, then it lands in the dead-letter topic with its reason and the next message is processed', async () => {
    const topic = env.topic(`poison-${randomUUID().slice(0, 6)}`);
    const groupId = `${env.id}-poison`;
    const subject = `p-${env.id}`;
    const good1 = envelope(subject, 1);
    const badData = envelope(subject, 2, { by: -5 });
    const good2 = envelope(subject, 2);
    await produce(topic, [
      encodeEnvelope(good1, subject),
      { key: subject, value: 'not json {', headers: { origin: 'poison-test' } },
      encodeEnvelope(badData, subject),
      encodeEnvelope(good2, subject),
    ]);
    const p = counterProjection(f.conn);
    await startConsumer(topic, groupId, p.handle);
    await waitUntil(
      async () => (await totals(subject))?.sequence === 2,
      'the message after the poison',
    );

    const dead = await readTopic(env.kafkaBrokers, dlqTopicOf(topic, groupId), {
      until: (m) => m.length >= 2,
    });
    expect(dead).toHaveLength(2);
    expect(dead[0]).toMatchObject({
      key: subject,
      value: 'not json {',
      headers: {
        origin: 'poison-test',
        'dlq-kind': 'validation',
        'dlq-reason': 'not JSON',
        'dlq-topic': topic,
        'dlq-group': groupId,
      },
    });
    expect(dead[1]?.headers['dlq-reason']).toMatch(/^counter\.incremented data: by: /);
    expect(dead[1]?.headers['event-id']).toBe(badData.id);
    expect(await totals(subject)).toMatchObject({ sequence: 2, total: 1 });
  });

  it('when a handler keeps failing, then it is retried, dead-lettered with the error, and the partition moves on', async () => {
    const topic = env.topic(`failing-${randomUUID().slice(0, 6)}`);
    const groupId = `${env.id}-failing`;
    const subject = `f-${env.id}`;
    const cursed = envelope(subject, 2);
    await produce(
      topic,
      [subject, subject, subject].map((s, i) =>
        encodeEnvelope(i === 1 ? cursed : envelope(s, i === 0 ? 1 : 3), s),
      ),
    );
    const attempts = new Map<string, number>();
    const p = counterProjection(f.conn);
    await startConsumer(
      topic,
      groupId,
      async (e) => {
        attempts.set(e.id, (attempts.get(e.id) ?? 0) + 1);
        if (e.id === cursed.id) throw new Error('registration service unavailable');
        await p.handle(e);
      },
      { attempts: 4 },
    );
    await waitUntil(
      async () => (await totals(subject))?.sequence === 3,
      'the event after the failing one',
    );
    expect(attempts.get(cursed.id)).toBe(4);
    const [dead] = await readTopic(env.kafkaBrokers, dlqTopicOf(topic, groupId), {
      until: (m) => m.length >= 1,
    });
    expect(dead?.headers).toMatchObject({
      'dlq-kind': 'handler',
      'dlq-reason': 'registration service unavailable',
      'dlq-attempts': '4',
      'event-id': cursed.id,
    });
  });

  it(
    'when 20 aggregates × 50 events go through 2 consumers of one group, then each aggregate is applied strictly in sequence',
    { timeout: 120_000 },
    async () => {
      const topic = env.topic(`order-${randomUUID().slice(0, 6)}`);
      const groupId = `${env.id}-order`;
      const subjects = Array.from({ length: 20 }, (_, i) => `o-${env.id}-${i}`);
      // Interleave aggregates the way concurrent writers would.
      const msgs: Message[] = [];
      for (let seq = 1; seq <= 50; seq += 1)
        for (const s of subjects) msgs.push(encodeEnvelope(envelope(s, seq), s));
      await createTopics(env.kafkaBrokers, [topic], 4);
      const p = counterProjection(f.conn);
      const order = new Map<string, number[]>();
      const members = new Set<number>();
      const handler = (member: number) => async (e: EventOf<typeof CounterEvents>) => {
        members.add(member);
        order.set(e.subject, [...(order.get(e.subject) ?? []), e.sequence]);
        await new Promise((r) => setTimeout(r, Math.random() * 2)); // widen any race
        await p.handle(e);
      };
      const a = await startConsumer(topic, groupId, handler(1));
      const b = await startConsumer(topic, groupId, handler(2));
      await Promise.all([a.joined(), b.joined()]);
      await produce(topic, msgs);
      const applied = () => subjects.reduce((n, s) => n + (p.applied.get(s)?.length ?? 0), 0);
      await waitUntil(() => applied() === 1000, 'all 1,000 events', 90_000).catch(
        (err: unknown) => {
          throw new Error(
            `${String(err)}: ${applied()} applied, members ${[...members].join(',')}`,
          );
        },
      );
      const expected = Array.from({ length: 50 }, (_, i) => i + 1);
      for (const s of subjects) {
        expect(order.get(s)).toEqual(expected);
        expect(p.applied.get(s)).toEqual(expected);
        expect(await totals(s)).toMatchObject({ sequence: 50, total: 49 });
      }
      expect(members).toEqual(new Set([1, 2]));
    },
  );
});
