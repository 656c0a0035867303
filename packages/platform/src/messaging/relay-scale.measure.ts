// Measures what the outbox relay costs as aggregates pile up: publish latency and idle CPU among 100 vs 50,000 aggregates (issue 10, defect 5).
//
//   MONGO_URL=… KAFKA_BROKERS=… [FERRETDB_PIDS=pid,pid…] pnpm exec tsx packages/platform/src/messaging/relay-scale.measure.ts [sizes…]
//
// For each size: a fresh database with that many drained aggregates and a relay on the real
// broker (default poll settings), then (1) the cost of the "find pending" query, today's and
// the former `outboxCount > 0` one; (2) publish latency: write one aggregate's event and wake
// the relay, until the relay has released it (Kafka acknowledged), median of 20; the same
// without a wake (found by polling); (3) CPU over 20 s of idle: this process (the relay) and
// the database processes named by FERRETDB_PIDS (FerretDB, PostgreSQL: their whole trees).
// A measurement, not a test: it prints one JSON line per size.
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { pino } from 'pino';
import { connectDb } from '../db/index.ts';
import { createKafka, ensureTopics } from './kafka.ts';
import { newEvent, outboxPlugin, withEvents, type OutboxFields } from './outbox.ts';
import { OutboxRelay } from './relay.ts';

const env = (key: string): string => {
  const v = process.env[key];
  if (!v) throw new Error(`${key} is required`);
  return v;
};
const TICK = 100; // USER_HZ on Linux
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** CPU seconds used so far by the given processes and all their descendants. */
function cpuSeconds(roots: number[]): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (roots.includes(p)) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (inTree(pid)) total += t;
  return total / TICK;
}

interface Agg extends OutboxFields {
  _id: string;
  n: number;
}

async function measure(conn: Connection, size: number, dbPids: number[]): Promise<unknown> {
  const schema = new Schema<Agg>({ _id: String, n: Number });
  schema.plugin(outboxPlugin);
  const Aggs = conn.model<Agg>(`Agg${size}`, schema, `aggs_${size}`);
  await Aggs.init();
  for (let from = 0; from < size; from += 1_000) {
    await Aggs.insertMany(
      Array.from({ length: Math.min(1_000, size - from) }, (_, i) => ({
        _id: `a-${from + i}`,
        n: 0,
        version: 1,
        outbox: [],
        outboxCount: 0,
        outboxPending: false,
      })),
      { lean: true },
    );
  }
  const brokers = env('KAFKA_BROKERS').split(',');
  const kafka = createKafka({ brokers, clientId: `measure-${size}` });
  const topic = `measure-relay-${randomUUID().slice(0, 8)}`;
  await ensureTopics(kafka, [{ topic, partitions: 3, replicationFactor: 1 }]);
  const relay = new OutboxRelay({
    kafka,
    connection: conn,
    source: 'measure',
    sources: [{ collection: Aggs.collection.collectionName, topicFor: () => topic }],
    log: pino({ level: 'silent' }),
  });
  relay.start();

  const coll = Aggs.collection;
  const timeQuery = async (filter: Record<string, unknown>): Promise<number> => {
    const xs: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const t0 = performance.now();
      await coll.find(filter, { projection: { _id: 1 }, limit: 50 }).toArray();
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  const lease = { $or: [{ outboxLeaseUntil: null }, { outboxLeaseUntil: { $lt: new Date() } }] };
  const findPendingMs = await timeQuery({ outboxPending: true, ...lease });
  const formerFindPendingMs = await timeQuery({ outboxCount: { $gt: 0 }, ...lease });

  const publishOnce = async (i: number, wake: boolean): Promise<number> => {
    const id = `a-${(i * 7_919) % size}`;
    const t0 = performance.now();
    await Aggs.updateOne(
      { _id: id },
      withEvents({ $inc: { n: 1 } }, [newEvent('measured', { i })]),
    );
    if (wake) relay.wake();
    while ((await Aggs.countDocuments({ _id: id, outboxPending: true })) > 0) await sleep(2);
    return performance.now() - t0;
  };
  await publishOnce(0, true); // the producer connects
  const woken: number[] = [];
  for (let i = 1; i <= 20; i += 1) woken.push(await publishOnce(i, true));
  const polled: number[] = [];
  for (let i = 21; i <= 25; i += 1) {
    await sleep(6_000); // let the relay reach its idle poll interval
    polled.push(await publishOnce(i, false));
  }

  await sleep(6_000);
  const idleSeconds = 20;
  const self0 = process.cpuUsage();
  const db0 = cpuSeconds(dbPids);
  await sleep(idleSeconds * 1_000);
  const self = process.cpuUsage(self0);
  const db = cpuSeconds(dbPids) - db0;
  await relay.stop();
  await Aggs.collection.drop();
  return {
    aggregates: size,
    findPendingMs: Number(findPendingMs.toFixed(2)),
    formerFindPendingMs: Number(formerFindPendingMs.toFixed(2)),
    publishWokenMedianMs: Number(median(woken).toFixed(1)),
    publishPolledMedianMs: Number(median(polled).toFixed(0)),
    idleRelayProcessCpuPct: Number(
      (((self.user + self.system) / 1e6 / idleSeconds) * 100).toFixed(2),
    ),
    idleDatabaseCpuPct: Number(((db / idleSeconds) * 100).toFixed(2)),
  };
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  const dbPids = (process.env.FERRETDB_PIDS ?? '').split(',').filter(Boolean).map(Number);
  const url = new URL(env('MONGO_URL'));
  url.pathname = `/measure_relay_${randomUUID().slice(0, 8).replace(/-/g, '')}`;
  const conn = await connectDb({ url: url.toString() });
  try {
    for (const size of sizes.length > 0 ? sizes : [100, 50_000]) {
      console.log(JSON.stringify(await measure(conn, size, dbPids)));
    }
  } finally {
    await conn.dropDatabase();
    await conn.close();
  }
}

await main();
