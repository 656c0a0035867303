// The relay's release under a stream of writes to the same aggregate: nothing re-read into a give-up, nothing published twice.
import { readTopic, testEnv } from '@lianxin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCounter, increment } from './test-service/counter.ts';
import { envelopes, fixture, type Fixture } from './test-service/fixture.ts';

const env = testEnv(import.meta.url);
let f: Fixture;
beforeAll(async () => {
  f = await fixture(import.meta.url, 1);
});
afterAll(async () => {
  await f.close();
});

describe('outbox release', () => {
  it('when 40 writers append to one aggregate for 3 s while the relay publishes, then every event goes out once, in sequence, and no release fails', async () => {
    const id = `c-${env.id}-hot`;
    await createCounter(f.counters, id, 'hot');
    const relay = f.relay({ pollMs: 10 });
    relay.start();
    const until = Date.now() + 3_000;
    let written = 0;
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (Date.now() < until) {
          if (await increment(f.counters, id)) written += 1;
          relay.wake();
        }
      }),
    );
    const total = written + 1; // counter.created
    for (let i = 0; i < 600; i += 1) {
      const doc = await f.counters.findById(id).lean();
      if (doc?.outboxCount === 0 && doc.outboxPending === false) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await relay.stop();

    const msgs = await readTopic(env.kafkaBrokers, f.topic, {
      until: (m) => m.filter((x) => x.key === id).length >= total,
    });
    const sequences = envelopes(msgs.filter((m) => m.key === id).map((m) => m.value)).map(
      (e) => e.sequence,
    );
    expect(written).toBeGreaterThan(100);
    expect(sequences).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(relay.stats).toMatchObject({ published: total, failures: 0 });
    expect(await f.counters.findById(id).lean()).toMatchObject({
      version: total,
      outbox: [],
      outboxCount: 0,
      outboxPending: false,
      outboxLeaseOwner: null,
    });
  });
});
