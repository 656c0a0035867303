// The outbox relay against the real broker and database: order, envelope, emptied outbox, two relays at once.
import { readTopic, testEnv } from '@lianxin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from './outbox.ts';
import { FLAGGED_MARKS } from './relay.ts';
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

/** Per aggregate, the sequences in the order they appear on the topic. */
function sequencesBySubject(list: ReturnType<typeof envelopes>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of list) out.set(e.subject, [...(out.get(e.subject) ?? []), e.sequence]);
  return out;
}

describe('outbox relay', () => {
  it('when an aggregate changes with events, then the relay publishes them in sequence with a full envelope and empties the outbox', async () => {
    const id = `c-${env.id}-single`;
    await createCounter(f.counters, id, '香河');
    for (let i = 0; i < 4; i += 1) expect(await increment(f.counters, id)).toBe(true);

    const relay = f.relay();
    expect(await relay.drain()).toBe(5);

    const msgs = await readTopic(env.kafkaBrokers, f.topic, {
      until: (m) => m.filter((x) => x.key === id).length >= 5,
    });
    const mine = msgs.filter((m) => m.key === id);
    const list = envelopes(mine.map((m) => m.value));
    expect(list.map((e) => [e.type, e.sequence])).toEqual([
      ['counter.created', 1],
      ['counter.incremented', 2],
      ['counter.incremented', 3],
      ['counter.incremented', 4],
      ['counter.incremented', 5],
    ]);
    expect(list[0]).toMatchObject({ subject: id, source: 'test-service', data: { name: '香河' } });
    expect(new Set(list.map((e) => e.id)).size).toBe(5);
    expect(mine[0]?.headers['event-type']).toBe('counter.created');

    const doc = await f.counters.findById(id).lean();
    expect(doc).toMatchObject({
      value: 4,
      version: 5,
      outbox: [],
      outboxCount: 0,
      outboxLeaseOwner: null,
    });
  });

  it('when events are appended after a publish, then their sequences continue from the version', async () => {
    const id = `c-${env.id}-continue`;
    await createCounter(f.counters, id, 'a');
    const relay = f.relay();
    await relay.drain();
    await increment(f.counters, id);
    await increment(f.counters, id);
    await relay.drain();
    const msgs = await readTopic(env.kafkaBrokers, f.topic, {
      until: (m) => m.filter((x) => x.key === id).length >= 3,
    });
    expect(
      envelopes(msgs.filter((m) => m.key === id).map((m) => m.value)).map((e) => e.sequence),
    ).toEqual([1, 2, 3]);
  });

  it('when two relays run at once over 40 aggregates written concurrently, then every event is published exactly once, in order per aggregate', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `c-${env.id}-two-${i}`);
    const a = f.relay({ pollMs: 20 });
    const b = f.relay({ pollMs: 20 });
    a.start();
    b.start();
    await Promise.all(
      ids.map(async (id) => {
        await createCounter(f.counters, id, id);
        for (let i = 0; i < 9; i += 1) {
          await increment(f.counters, id);
          (i % 2 === 0 ? a : b).wake();
        }
      }),
    );
    const total = ids.length * 10;
    const deadline = Date.now() + 60_000;
    while ((await f.counters.countDocuments({ _id: { $in: ids }, outboxCount: { $gt: 0 } })) > 0) {
      if (Date.now() > deadline) throw new Error('relays did not drain the outboxes within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    // Both relays took part; read a little past the expected count so a duplicate would show.
    expect(a.stats.published).toBeGreaterThan(0);
    expect(b.stats.published).toBeGreaterThan(0);
    expect(a.stats.published + b.stats.published).toBe(total);
    const msgs = await readTopic(env.kafkaBrokers, f.topic, {
      until: () => false,
      timeoutMs: 4_000,
    });
    const list = envelopes(msgs.filter((m) => ids.includes(m.key ?? '')).map((m) => m.value));
    expect(list).toHaveLength(total);
    expect(new Set(list.map((e) => e.id)).size).toBe(total);
    for (const [, seqs] of sequencesBySubject(list))
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('when aggregates from before outboxPending exist, then the first relay flags and publishes them once, and later starts read its mark instead of scanning again', async () => {
    const old = (n: number) => ({
      _id: `c-${env.id}-older-${n}`,
      name: 'older',
      value: 0,
      version: 1,
      outbox: [newEvent('counter.created', { name: 'older' })],
      outboxCount: 1,
      outboxLeaseOwner: null,
      outboxLeaseUntil: null,
    });
    const coll = f.conn.db?.collection<{ _id: string }>('counters');
    const marks = f.conn.db?.collection(FLAGGED_MARKS);
    if (!coll || !marks) throw new Error('no database');
    // A database from before the marks: this file's earlier relays marked it.
    await marks.deleteMany({});
    await coll.insertOne(old(1));
    const first = f.relay();
    await first.drain();
    // The earlier tests' relays still run and may have taken it from this one: wait for it.
    const deadline = Date.now() + 30_000;
    while ((await coll.findOne({ _id: old(1)._id, outboxCount: 0 })) === null) {
      if (Date.now() > deadline) throw new Error('the older aggregate was not published');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await coll.findOne({ _id: old(1)._id })).toMatchObject({
      outbox: [],
      outboxPending: false,
    });
    expect(await marks.countDocuments()).toBe(1);

    // Written after the mark without the flag (only a process of the version before could):
    // a new relay does not scan for it.
    await coll.insertOne(old(2));
    await f.relay().drain();
    expect(await coll.findOne({ _id: old(2)._id })).toMatchObject({ outboxCount: 1 });
    expect(await coll.findOne({ _id: old(2)._id })).not.toHaveProperty('outboxPending');
  });
});
