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

  it('when one aggregate’s shared event cannot be expanded, then the rest of its batch is published and it is retried later', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `c-${env.id}-poison-${i}`);
    for (const [i, id] of ids.entries()) await createCounter(f.counters, id, `网点${i}`);
    const bad = ids[3] ?? '';
    const event = newSharedEvent('counter.audited', { by: '审计' });
    await f.counters.updateMany({ _id: { $in: ids } }, withEvents({ $set: { value: 1 } }, [event]));
    const expandUnless =
      (broken: boolean) => (doc: Record<string, unknown>, e: { data: unknown }) => {
        if (broken && doc._id === bad) throw new Error('expand: no name');
        return { ...(e.data as object), name: doc.name };
      };
    const sources = (broken: boolean) => [
      { collection: 'counters', topicFor: () => f.topic, expand: expandUnless(broken) },
    ];
    const first = f.relay({ sources: sources(true), unencodableRetryMs: 500 });
    // drain() returns although one aggregate is still pending: it is held back, not ours.
    const sent = await first.drain();
    expect(first.stats.heldBack).toBe(1);
    const audited = async () =>
      envelopes(
        (
          await readTopic(env.kafkaBrokers, f.topic, {
            until: (m) =>
              m.filter((x) => x.headers['event-type'] === 'counter.audited').length >= 7,
          })
        ).map((m) => m.value),
      ).filter((e) => e.type === 'counter.audited' && ids.includes(e.subject));
    expect((await audited()).map((e) => e.subject).sort()).toEqual(
      ids.filter((id) => id !== bad).sort(),
    );
    expect(sent).toBe(14);
    const held = await f.counters.findById(bad).lean();
    expect(held).toMatchObject({ outboxPending: true });
    expect(held?.outbox).toHaveLength(2);

    // Once the cause is gone (a fixed build), the next relay publishes it after the hold.
    const fixed = f.relay({ sources: sources(false) });
    await new Promise((r) => setTimeout(r, 600));
    expect(await fixed.drain()).toBe(2);
    expect(await f.counters.findById(bad).lean()).toMatchObject({
      outbox: [],
      outboxPending: false,
    });
  });
});
