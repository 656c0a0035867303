// Every state change reaches a real consumer through the outbox and Kafka, with the aggregate's sequence, keyed by session.
import { pickEvents, Topics } from '@lianxin/contracts';
import { EventConsumer } from '@lianxin/platform/messaging';
import { readTopic, serviceHarness } from '@lianxin/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import {
  attendee,
  liaisonToken,
  register,
  scheduleForum,
  seedBanks,
  token as signed,
} from '../test-support/fixtures.ts';

const Seen = pickEvents(
  'session.scheduled',
  'session.cancelled',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.cancelled',
);

const h = await serviceHarness(import.meta.url, outreachService);
const topics = { sessions: h.topic(Topics.sessions), registrations: h.topic(Topics.registrations) };
const seen: { type: string; subject: string; sequence: number; sessionId: string | null }[] = [];
const consumer = new EventConsumer({
  kafka: h.ctx.kafka,
  groupId: `${h.env.id}-observer`,
  topics: [topics.sessions, topics.registrations],
  events: Seen,
  log: h.ctx.log,
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
afterAll(() => consumer.stop());

async function until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for events');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('events', () => {
  it('when attendees register, wait, cancel and get promoted, then a consumer sees each change once, in sequence per aggregate, keyed by the session', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 1, perBankQuota: null });
    const token = await liaisonToken(bank);
    const post = (n: number) => register(h, token, sessionId, attendee(n));
    const a = (await post(1)).json<{ id: string }>();
    const b = (await post(2)).json<{ id: string }>();
    await h.app.inject({
      method: 'DELETE',
      url: `/sessions/${sessionId}/registrations/${a.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const coordinator = await signed({ sub: 'c', role: 'coordinator', name: '协调员' });
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
