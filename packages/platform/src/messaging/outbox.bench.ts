// Benchmarks of the outbox on the real database and broker: the write a use case pays, and relay throughput.
// The database is whichever the test provider found (the local stack: FerretDB on SQLite, writes serialized).
import { randomUUID } from 'node:crypto';
import { afterAll, bench, describe } from 'vitest';
import { createCounter, increment } from './test-service/counter.ts';
import { fixture } from './test-service/fixture.ts';

const f = await fixture(import.meta.url, 3);
const relay = f.relay();
afterAll(async () => {
  await f.close();
});

describe('outbox', () => {
  const id = `bench-${randomUUID()}`;
  let created = false;
  bench(
    'write: one state change with its event (conditional single-document update)',
    async () => {
      if (!created) {
        await createCounter(f.counters, id, id);
        created = true;
      }
      await increment(f.counters, id);
    },
    { time: 2_000 },
  );

  bench(
    'relay: publish and remove 100 pending events (10 aggregates × 10), acks=all',
    async () => {
      const ids = Array.from({ length: 10 }, () => `bench-${randomUUID()}`);
      await Promise.all(
        ids.map(async (a) => {
          await createCounter(f.counters, a, a);
          for (let i = 0; i < 9; i += 1) await increment(f.counters, a);
        }),
      );
      await relay.drain();
    },
    { iterations: 5, time: 0 },
  );
});
