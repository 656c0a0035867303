// A shared event: one `updateMany` appends it to many aggregates; the relay publishes each aggregate's own event from it.
import { readTopic, testEnv } from '@lianxin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSharedEvent, sharedEventId, withEvents } from './outbox.ts';
import { createCounter, increment } from './test-service/counter.ts';
import { envelopes, fixture, type Fixture } from './test-service/fixture.ts';

const env = testEnv(import.meta.url);
let f: Fixture;
beforeAll(async () => {
  f = await fixture(import.meta.url);
});
afterAll(async () => {
  await f.close();
});

describe('shared events', () => {
  it('when one updateMany appends a shared event to 30 aggregates, then each is published once with its own id, data and next sequence', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `c-${env.id}-shared-${i}`);
    for (const [i, id] of ids.entries()) {
      await createCounter(f.counters, id, `柜台${i}`);
      if (i % 2 === 0) await increment(f.counters, id);
    }
    const event = newSharedEvent('counter.reset', { reason: '年终清零' });
    const res = await f.counters.updateMany(
      { _id: { $in: ids } },
      withEvents({ $set: { value: 0 } }, [event]),
    );
    expect(res.modifiedCount).toBe(ids.length);

    const relay = f.relay({
      sources: [
        {
          collection: 'counters',
          topicFor: () => f.topic,
          expand: (doc, e) => ({ ...(e.data as object), name: doc.name }),
        },
      ],
    });
    expect(await relay.drain()).toBe(ids.length * 2 + ids.length / 2);

    const msgs = await readTopic(env.kafkaBrokers, f.topic, {
      until: (m) => m.filter((x) => x.headers['event-type'] === 'counter.reset').length >= 30,
    });
    const resets = envelopes(msgs.map((m) => m.value)).filter((e) => e.type === 'counter.reset');
    expect(resets).toHaveLength(ids.length);
    expect(new Set(resets.map((e) => e.id)).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      const mine = resets.find((e) => e.subject === id);
      expect(mine).toMatchObject({
        id: sharedEventId(event.id, id),
        sequence: i % 2 === 0 ? 3 : 2,
        data: { reason: '年终清零', name: `柜台${i}` },
      });
    }
    const docs = await f.counters.find({ _id: { $in: ids } }).lean();
    for (const doc of docs) expect(doc).toMatchObject({ outbox: [], outboxPending: false });
  });

  it('when a shared event id is derived again, then it is the same UUID, and another aggregate’s differs', () => {
    const event = newSharedEvent('counter.reset', {});
    const a = sharedEventId(event.id, 'agg-1');
    expect(sharedEventId(event.id, 'agg-1')).toBe(a);
    expect(sharedEventId(event.id, 'agg-2')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
