// Crash drill: a relay process is SIGKILLed after publishing and before removing; a new one re-publishes,
// and the consumer still applies each event exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readTopic, testEnv } from '@lianxin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventConsumer } from './consumer.ts';
import { CounterEvents, createCounter, increment } from './test-service/counter.ts';
import { envelopes, fixture, type Fixture } from './test-service/fixture.ts';
import { counterProjection, PROJECTION } from './test-service/projection.ts';

const env = testEnv(import.meta.url);
const script = fileURLToPath(new URL('./test-service/relay-process.ts', import.meta.url));
// node itself with tsx as a loader, so the pid we kill is the relay's (the tsx CLI would fork a child)
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let f: Fixture;
const children: ChildProcess[] = [];
let consumer: EventConsumer<typeof CounterEvents> | undefined;

beforeAll(async () => {
  f = await fixture(import.meta.url);
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await consumer?.stop();
  await f.close();
});

/** Starts the relay process and resolves with it once it printed `line` (a prefix). */
function relayProcess(
  crash: boolean,
  waitFor: string,
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DB_URL: env.dbUrl,
      BROKERS: env.kafkaBrokers.join(','),
      TOPIC: f.topic,
      LEASE_MS: '1500',
      CRASH_AFTER_PUBLISH: crash ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`relay process did not print ${waitFor}`));
    }, 30_000);
    child.once('exit', (code) => {
      reject(new Error(`relay process exited early (${String(code)})`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(waitFor)) {
        clearTimeout(timer);
        resolve({ child, line });
      }
    });
  });
}

describe('relay crash', () => {
  it('when the relay is killed between publish and removal, then a restarted relay re-publishes and each event is applied once', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `k-${env.id}-${i}`);
    for (const id of ids) {
      await createCounter(f.counters, id, id);
      await increment(f.counters, id, 2);
      await increment(f.counters, id, 3);
    }

    const { child, line } = await relayProcess(true, 'PUBLISHED');
    const victim = line.split(' ')[1] ?? '';
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    // The killed relay published its batch (the victim and whatever it claimed with it) but
    // never removed those events.
    const stuck = await f.counters.findById(victim).lean();
    expect(stuck?.outboxCount).toBe(3);
    expect(stuck?.outboxLeaseOwner).toMatch(/^relay-/);
    const leased = await f.counters
      .find({ _id: { $in: ids }, outboxLeaseOwner: { $ne: null } }, { _id: 1 })
      .lean();
    const republished = new Set(leased.map((d) => d._id));

    const p = counterProjection(f.conn);
    consumer = new EventConsumer({
      kafka: f.kafka,
      groupId: `${env.id}-crash`,
      topics: [f.topic],
      events: CounterEvents,
      handle: p.handle,
      log: f.log,
      dedupe: f.conn,
    });
    await consumer.start();

    await relayProcess(false, 'READY');
    const deadline = Date.now() + 30_000;
    while ((await f.counters.countDocuments({ _id: { $in: ids }, outboxCount: { $gt: 0 } })) > 0) {
      if (Date.now() > deadline) throw new Error('the restarted relay did not drain the outboxes');
      await new Promise((r) => setTimeout(r, 100));
    }

    const expected = 30 + 3 * republished.size;
    const msgs = await readTopic(env.kafkaBrokers, f.topic, {
      until: (m) => m.length >= expected,
      timeoutMs: 15_000,
    });
    expect(republished.has(victim)).toBe(true);
    for (const id of ids) {
      const seqs = envelopes(msgs.filter((m) => m.key === id).map((m) => m.value)).map(
        (e) => e.sequence,
      );
      // Published twice (before the crash and after) exactly when the killed relay held it.
      expect(seqs).toEqual(republished.has(id) ? [1, 2, 3, 1, 2, 3] : [1, 2, 3]);
    }
    expect(msgs).toHaveLength(expected);

    const totals = f.conn.db?.collection(PROJECTION);
    const deadline2 = Date.now() + 30_000;
    while (
      (await totals?.countDocuments({ _id: { $in: ids as never[] }, sequence: 3 })) !== ids.length
    ) {
      if (Date.now() > deadline2) throw new Error('the consumer did not apply every event');
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const id of ids) {
      expect(p.applied.get(id)).toEqual([1, 2, 3]);
      expect(await totals?.findOne({ _id: id as never })).toMatchObject({ total: 5, sequence: 3 });
    }
  });
});
