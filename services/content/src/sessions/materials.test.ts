// Session materials: the session arrives through the real broker, and the ranking follows publications and retractions.
import { randomUUID } from 'node:crypto';
import { Topics, type SessionScheduled } from '@lianxin/contracts';
import { EVENT_PRODUCER } from '@lianxin/platform/messaging';
import { kafkaClient, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { sessionSnapshot } from '../test-support/fixtures.ts';
import { bulletinAt, castOf } from '../test-support/workflow.ts';

const h = await serviceHarness(import.meta.url, contentService);
const cast = castOf(h);

async function publishSession(
  data: SessionScheduled,
  sequence: number,
  type = 'session.scheduled',
) {
  const producer = kafkaClient(h.env.kafkaBrokers).producer(EVENT_PRODUCER);
  await producer.connect();
  const envelope = {
    id: randomUUID(),
    type,
    source: 'outreach',
    subject: data.id,
    sequence,
    time: new Date().toISOString(),
    schemaVersion: 1,
    data,
  };
  await producer.send({
    topic: h.topic(Topics.sessions),
    acks: -1,
    messages: [{ key: data.id, value: JSON.stringify(envelope) }],
  });
  await producer.disconnect();
}

async function materials(
  sessionId: string,
): Promise<{ status: number; ids: string[]; scores: number[] }> {
  const res = await cast.liaison('GET', `/sessions/${sessionId}/materials`);
  if (res.statusCode !== 200) return { status: res.statusCode, ids: [], scores: [] };
  const items = res.json<{ items: { bulletinId: string; score: number }[] }>().items;
  return { status: 200, ids: items.map((i) => i.bulletinId), scores: items.map((i) => i.score) };
}

async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('session materials', () => {
  it('when bulletins are published and retracted, then the session ranking follows: overlap first, then recency', async () => {
    const session = sessionSnapshot({
      audiences: ['elderly', 'bank_staff'],
      fraudTopics: ['fake_investment', 'impersonate_authority'],
    });
    expect((await materials(session.id)).status).toBe(404);
    await publishSession(session, 1);
    await eventually(
      () => materials(session.id),
      (m) => m.status === 200,
    );

    const a = await bulletinAt(cast, 'published', {
      fraudType: 'fake_investment',
      audiences: ['elderly', 'bank_staff'],
    });
    const b = await bulletinAt(cast, 'published', {
      fraudType: 'impersonate_authority',
      audiences: ['general_public'],
    });
    const c = await bulletinAt(cast, 'published', {
      fraudType: 'task_rebate',
      audiences: ['elderly'],
    });
    await bulletinAt(cast, 'published', { fraudType: 'task_rebate', audiences: ['students'] });
    await bulletinAt(cast, 'in_review', {
      fraudType: 'fake_investment',
      audiences: ['elderly', 'bank_staff'],
    });
    expect(await materials(session.id)).toEqual({
      status: 200,
      ids: [a.id, c.id, b.id],
      scores: [3, 1, 1],
    });

    const e = await bulletinAt(cast, 'published', {
      fraudType: 'impersonate_authority',
      audiences: ['bank_staff', 'elderly'],
    });
    expect((await materials(session.id)).ids).toEqual([e.id, a.id, c.id, b.id]);

    await cast.reviewer('POST', `/bulletins/${a.id}/retract`, { reason: '案情有误' });
    expect((await materials(session.id)).ids).toEqual([e.id, c.id, b.id]);
  });

  it('when a session is moved to other topics, then its materials change; a replayed older event changes nothing', async () => {
    const session = sessionSnapshot({ audiences: ['riders'], fraudTopics: [] });
    const rider = await bulletinAt(cast, 'published', {
      fraudType: 'fake_customer_service',
      audiences: ['riders'],
    });
    const student = await bulletinAt(cast, 'published', {
      fraudType: 'fake_game_trading',
      audiences: ['students'],
    });
    await publishSession(session, 1);
    await eventually(
      () => materials(session.id),
      (m) => m.ids.includes(rider.id),
    );
    expect((await materials(session.id)).ids).not.toContain(student.id);

    await publishSession({ ...session, audiences: ['students'] }, 2);
    const moved = await eventually(
      () => materials(session.id),
      (m) => m.ids.includes(student.id),
    );
    expect(moved.ids).not.toContain(rider.id);

    // The replay of sequence 1 is consumed in partition order; give it time to be (not) applied.
    await publishSession(session, 1);
    await new Promise((r) => setTimeout(r, 2_000));
    const after = await materials(session.id);
    expect(after.ids).toContain(student.id);
    expect(after.ids).not.toContain(rider.id);
  });
});
