// Every state change reaches a real consumer through the outbox and Kafka, with the aggregate's sequence, keyed by session.
import { pickEvents } from '@lianxin/contracts';
import { createKafka, EventConsumer, OutboxRelay } from '@lianxin/platform/messaging';
import { createTopics, readTopic } from '@lianxin/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topics } from '../shared/deps.ts';
import { relaySources } from '../shared/messaging.ts';
import {
  attendee,
  harness,
  liaisonToken,
  scheduleForum,
  seedBanks,
  type Harness,
  register,
} from '../test-support/harness.ts';

const Seen = pickEvents(
  'session.scheduled',
  'session.cancelled',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.cancelled',
);

let h: Harness;
let relay: OutboxRelay;
let consumer: EventConsumer<typeof Seen>;
let topics: Topics;
const seen: { type: string; subject: string; sequence: number; sessionId: string | null }[] = [];

beforeAll(async () => {
  let wake = (): void => undefined;
  h = await harness(import.meta.url, {
    wake: () => {
      wake();
    },
  });
  topics = {
    banks: h.env.topic('banks'),
    sessions: h.env.topic('sessions'),
    registrations: h.env.topic('registrations'),
  };
  await createTopics(h.env.kafkaBrokers, [topics.banks, topics.sessions, topics.registrations]);
  const kafka = createKafka({ brokers: h.env.kafkaBrokers, clientId: h.env.id });
  const log = pino({ level: 'silent' });
  relay = new OutboxRelay({
    kafka,
    connection: h.conn,
    source: 'outreach',
    sources: relaySources(topics),
    log,
    pollMs: 100,
  });
  wake = () => {
    relay.wake();
  };
  relay.start();
  consumer = new EventConsumer({
    kafka,
    groupId: `${h.env.id}-observer`,
    topics: [topics.sessions, topics.registrations],
    events: Seen,
    log,
    handle: (event) => {
      const data = event.data as { sessionId?: string };
      seen.push({
        type: event.type,
        subject: event.subject,
        sequence: event.sequence,
        sessionId: data.sessionId ?? null,
      });
      return Promise.resolve();
    },
  });
  await consumer.start();
  await consumer.joined();
});
afterAll(async () => {
  await consumer.stop();
  await relay.stop();
  await h.close();
});

async function until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for events');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('events', () => {
  it('when attendees register, wait, cancel and get promoted, then a consumer sees each change once, in sequence per aggregate, keyed by the session', async () => {
    const [bank] = await seedBanks(h.conn, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 1, perBankQuota: null });
    const token = await liaisonToken(h, bank);
    const post = (n: number) => register(h, token, sessionId, attendee(n));
    const a = (await post(1)).json<{ id: string }>();
    const b = (await post(2)).json<{ id: string }>();
    await h.app.inject({
      method: 'DELETE',
      url: `/sessions/${sessionId}/registrations/${a.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const coordinator = await h.token({ sub: 'c', role: 'coordinator', name: '协调员' });
    await h.app.inject({
      method: 'POST',
      url: `/sessions/${sessionId}/cancel`,
      headers: { authorization: `Bearer ${coordinator}` },
      payload: { reason: '演练' },
    });

    await until(
      () =>
        seen.filter((e) => e.subject === b.id).length >= 3 &&
        seen.some((e) => e.type === 'session.cancelled' && e.subject === sessionId),
    );
    const of = (subject: string) =>
      seen.filter((e) => e.subject === subject).map((e) => [e.type, e.sequence]);
    expect(of(sessionId)).toEqual([
      ['session.scheduled', 1],
      ['session.cancelled', 2],
    ]);
    expect(of(a.id)).toEqual([
      ['registration.confirmed', 1],
      ['registration.cancelled', 2],
    ]);
    expect(of(b.id)).toEqual([
      ['registration.waitlisted', 1],
      ['registration.promoted', 2],
      ['registration.cancelled', 3],
    ]);
    // Registration events travel keyed by the session, so they share one partition and its order.
    const messages = await readTopic(h.env.kafkaBrokers, topics.registrations, {
      until: (m) => m.length >= 5,
    });
    expect(new Set(messages.map((m) => m.key))).toEqual(new Set([sessionId]));
    expect(new Set(messages.map((m) => m.partition)).size).toBe(1);
  });
});
