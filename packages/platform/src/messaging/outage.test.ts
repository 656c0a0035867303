// Broker outage drill: with Kafka stopped, writes through HTTP still succeed; when it is back, every event
// arrives exactly once, in order per aggregate. Runs on a broker of its own so other test files are unaffected.
import { privateKafka, readTopic, testEnv, type PrivateKafka } from '@lianxin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka } from './kafka.ts';
import { counterApp } from './test-service/app.ts';
import { envelopes, fixture, type Fixture } from './test-service/fixture.ts';

const env = testEnv(import.meta.url);
let f: Fixture;
let broker: PrivateKafka;
beforeAll(async () => {
  broker = await privateKafka();
  f = await fixture(import.meta.url);
});
afterAll(async () => {
  await f.close();
  await broker.dispose();
});

describe('broker outage', () => {
  it(
    'when Kafka is down, then 200 writes succeed, and when it is back all 200 events arrive exactly once in order',
    { timeout: 180_000 },
    async () => {
      const kafka = createKafka({ brokers: broker.brokers, clientId: `${env.id}-relay` });
      const relay = f.relay({ kafka, pollMs: 200, maxBackoffMs: 1_000 });
      relay.start();
      const app = await counterApp(f.counters, relay);
      const ids = Array.from({ length: 20 }, (_, i) => `b-${env.id}-${i}`);
      for (const id of ids)
        expect((await app.inject({ method: 'POST', url: `/counters/${id}` })).statusCode).toBe(201);
      // Wait until those 20 are out, so the outage starts from a relay that has connected.
      for (let i = 0; (await f.counters.countDocuments({ outboxCount: { $gt: 0 } })) > 0; i += 1) {
        if (i > 300) throw new Error('relay did not publish before the outage');
        await new Promise((r) => setTimeout(r, 100));
      }

      await broker.stop();
      const writes = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          app.inject({
            method: 'POST',
            url: `/counters/${ids[i % ids.length] ?? ''}/increments`,
            payload: { by: 1 },
          }),
        ),
      );
      expect(writes.map((w) => w.statusCode)).toEqual(Array.from({ length: 200 }, () => 200));
      // The relay keeps failing meanwhile (a batch's send gives up after the producer's retries).
      for (let i = 0; relay.stats.failures === 0 && i < 300; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(relay.stats.failures).toBeGreaterThan(0);
      expect(await f.counters.countDocuments({ outboxCount: { $gt: 0 } })).toBe(ids.length);

      await broker.start();
      for (let i = 0; (await f.counters.countDocuments({ outboxCount: { $gt: 0 } })) > 0; i += 1) {
        if (i > 900) throw new Error('relay did not publish after the broker came back');
        await new Promise((r) => setTimeout(r, 100));
      }
      const msgs = await readTopic(broker.brokers, f.topic, {
        until: (m) => m.length >= 220,
        timeoutMs: 30_000,
      });
      await new Promise((r) => setTimeout(r, 1_000));
      const list = envelopes(msgs.map((m) => m.value));
      expect(list).toHaveLength(220);
      expect(new Set(list.map((e) => e.id)).size).toBe(220);
      for (const id of ids) {
        expect(list.filter((e) => e.subject === id).map((e) => e.sequence)).toEqual(
          Array.from({ length: 11 }, (_, i) => i + 1),
        );
      }
      await app.close();
    },
  );
});
