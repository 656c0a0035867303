// 3. Event end to end: a banks PATCH returning → outreach's bank read model holding it, at a steady rate;
// beside kafkajs producing and consuming one message at the same rate.
import { randomUUID } from 'node:crypto';
import { Topics } from '@lianxin/contracts';
import { benchTopic } from '../lib/run-scope.ts';
import { createKafka, ensureTopics } from '@lianxin/platform/messaging';
import { Pool } from 'undici';
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { percentile } from '../lib/stats.ts';
import { BANK_VIEW, createBanks } from '../lib/system.ts';

const BANKS = 50;
const POLL_MS = 2;

interface Round {
  p50: number;
  p99: number;
  /** Of the Lianxin latency, the part until the event was on Kafka (write returned → relay published). */
  relayP50?: number;
  sent: number;
  /** Writes that could not be sent on time (every bank still had one in flight, or the sender lagged). */
  late: number;
  /** Writes per second actually sent. */
  rate: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends up to `count` writes at `rate`/s; `write(i)` resolves when its write returned. A system
 * that cannot keep the rate is not waited for forever: no write starts after twice the planned
 * time (+ 10 s), and the achieved rate says how far it fell behind.
 */
async function paced(
  rate: number,
  count: number,
  write: (i: number) => Promise<void>,
): Promise<{ late: number; sent: number }> {
  const started = performance.now();
  const stopAt = started + (2 * count * 1000) / rate + 10_000;
  const pending: Promise<void>[] = [];
  let late = 0;
  let sent = 0;
  const ticker = setInterval(() => {
    process.stderr.write(`  … ${sent}/${count} writes sent\n`);
  }, 10_000);
  for (let i = 0; i < count && performance.now() < stopAt; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    else if (wait < -50) late += 1;
    pending.push(write(i));
    sent += 1;
  }
  clearInterval(ticker);
  await Promise.all(pending);
  return { late, sent };
}

/** When each bank event reached Kafka (as seen by a consumer of our own), keyed `bankId:sequence`. */
async function watchBankTopic(
  kafka: ReturnType<typeof createKafka>,
): Promise<{ seen: Map<string, number>; stop: () => Promise<void> }> {
  const seen = new Map<string, number>();
  const consumer = kafka.consumer({ groupId: `bench-e2e-banks-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: benchTopic(Topics.banks), fromBeginning: false });
  const group = { joined: false };
  consumer.on(consumer.events.GROUP_JOIN, () => {
    group.joined = true;
  });
  await consumer.run({
    eachMessage: ({ message }) => {
      const env = JSON.parse(message.value?.toString() ?? '{}') as {
        subject?: string;
        sequence?: number;
      };
      if (env.subject !== undefined)
        seen.set(`${env.subject}:${env.sequence ?? 0}`, performance.now());
      return Promise.resolve();
    },
  });
  while (!group.joined) await sleep(50);
  await sleep(500);
  return { seen, stop: () => consumer.disconnect() };
}

async function lianxinRound(
  ctx: BenchContext,
  bankIds: string[],
  tokens: string[],
  kafka: ReturnType<typeof createKafka>,
): Promise<Round> {
  const { sizes } = ctx;
  const sys = await ctx.system();
  const view = sys.outreachDb.collection<{ _id: string; sequence: number }>(BANK_VIEW);
  const seq = new Map<string, number>();
  for (const d of await view.find({ _id: { $in: bankIds } }).toArray()) seq.set(d._id, d.sequence);
  /** Per bank, the writes whose application we are waiting for: expected sequence → when the write returned. */
  const waiting = new Map<string, Map<number, number>>();
  const latencies: number[] = [];
  const relayed: number[] = [];
  const onKafka = await watchBankTopic(kafka);
  const inFlight = new Set<string>();
  const pool = new Pool(sys.banks.url, { connections: 50 });
  const state = { polling: true };
  const poller = (async () => {
    while (state.polling || [...waiting.values()].some((m) => m.size > 0)) {
      const docs = await view
        .find({ _id: { $in: bankIds } }, { projection: { sequence: 1 } })
        .toArray();
      const now = performance.now();
      for (const d of docs) {
        const w = waiting.get(d._id);
        if (!w) continue;
        for (const [expected, returnedAt] of w)
          if (d.sequence >= expected) {
            latencies.push(now - returnedAt);
            const published = onKafka.seen.get(`${d._id}:${expected}`);
            if (published !== undefined) relayed.push(Math.max(0, published - returnedAt));
            w.delete(expected);
            inFlight.delete(d._id);
          }
      }
      await sleep(POLL_MS);
    }
  })();
  const count = Math.round(sizes.e2eRate * sizes.e2eSeconds);
  let late = 0;
  let left = 0;
  let sent = 0;
  let skipped = 0;
  const lateByBusy = { n: 0 };
  const sendStart = performance.now();
  let rate = 0;
  try {
    const giveUpAt = sendStart + (2 * count * 1000) / sizes.e2eRate + 10_000;
    const pacing = await paced(sizes.e2eRate, count, async (i) => {
      // A bank with no write in flight, so its sequence tells exactly which write was applied.
      let bankId = bankIds.find((b) => !inFlight.has(b));
      if (bankId === undefined) lateByBusy.n += 1;
      while (bankId === undefined) {
        if (performance.now() > giveUpAt) {
          skipped += 1;
          return;
        }
        await sleep(1);
        bankId = bankIds.find((b) => !inFlight.has(b));
      }
      inFlight.add(bankId);
      const expected = (seq.get(bankId) ?? 0) + 1;
      seq.set(bankId, expected);
      const res = await pool.request({
        method: 'PATCH',
        path: `/banks/${bankId}`,
        headers: {
          authorization: `Bearer ${tokens[i % tokens.length] ?? ''}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ shortName: `压测${i}` }),
      });
      const text = await res.body.text();
      const returnedAt = performance.now();
      if (res.statusCode !== 200)
        throw new Error(`PATCH /banks answered ${res.statusCode}: ${text.slice(0, 300)}`);
      const w = waiting.get(bankId) ?? new Map<number, number>();
      w.set(expected, returnedAt);
      waiting.set(bankId, w);
    });
    late = pacing.late;
    sent = pacing.sent - skipped;
    rate = sent / ((performance.now() - sendStart) / 1000);
    const deadline = Date.now() + 60_000;
    while ([...waiting.values()].some((m) => m.size > 0) && Date.now() < deadline) await sleep(20);
  } finally {
    state.polling = false;
    left = [...waiting.values()].reduce((n, m) => n + m.size, 0);
    waiting.clear();
    await poller;
    await pool.close();
    await onKafka.stop();
  }
  if (left > 0)
    throw new Error(`${left} bank updates never reached outreach's read model within 60 s`);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    relayP50: percentile(relayed, 50),
    sent,
    late: late + lateByBusy.n,
    rate,
  };
}

async function ceilingRound(
  ctx: BenchContext,
  kafka: ReturnType<typeof createKafka>,
  topic: string,
): Promise<Round> {
  const { sizes } = ctx;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const consumer = kafka.consumer({ groupId: `bench-e2e-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  const group = { joined: false };
  consumer.on(consumer.events.GROUP_JOIN, () => {
    group.joined = true;
  });
  await consumer.run({
    eachMessage: ({ message }) => {
      const id = message.key?.toString() ?? '';
      const t = sentAt.get(id);
      if (t !== undefined) {
        latencies.push(performance.now() - t);
        sentAt.delete(id);
      }
      return Promise.resolve();
    },
  });
  while (!group.joined) await sleep(50);
  await sleep(500);
  const producer = kafka.producer();
  await producer.connect();
  const count = Math.round(sizes.e2eRate * sizes.e2eSeconds);
  const sendStart = performance.now();
  try {
    const { late, sent } = await paced(sizes.e2eRate, count, async (i) => {
      const id = `${i}-${randomUUID()}`;
      sentAt.set(id, performance.now());
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: id, value: JSON.stringify({ shortName: `压测${i}` }) }],
      });
    });
    const rate = sent / ((performance.now() - sendStart) / 1000);
    const deadline = Date.now() + 30_000;
    while (latencies.length < sent && Date.now() < deadline) await sleep(20);
    if (latencies.length < sent)
      throw new Error(`ceiling consumer got ${latencies.length} of ${sent}`);
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      sent,
      late,
      rate,
    };
  } finally {
    await producer.disconnect();
    await consumer.disconnect();
  }
}

export async function e2e(ctx: BenchContext): Promise<Figure[]> {
  const { tokens, stack } = ctx;
  const sys = await ctx.system();
  const banks = await createBanks(sys, tokens, BANKS, false);
  const bankIds = banks.map((b) => b.bankId);
  const coordinators = await tokens.coordinators(100);
  const kafka = createKafka({ brokers: stack.kafkaBrokers.split(','), clientId: 'bench-e2e' });
  const topic = benchTopic('bench.e2e.v1');
  await ensureTopics(kafka, [{ topic, partitions: 3, replicationFactor: 1 }]);
  const say = (r: Round) =>
    `p50 ${r.p50.toFixed(1)} ms${r.relayP50 === undefined ? '' : ` (relay ${r.relayP50.toFixed(1)} ms)`}, p99 ${r.p99.toFixed(1)} ms over ${r.sent} writes at ${Math.round(r.rate)}/s${r.late > 0 ? ` (${r.late} late)` : ''}`;
  const rounds = await alternate(
    `${ctx.backend.name} e2e`,
    ctx,
    () => ceilingRound(ctx, kafka, topic),
    () => lianxinRound(ctx, bankIds, coordinators, kafka),
    { ceiling: say, lianxin: say },
  );
  const base = {
    bench: 'e2e',
    backend: ctx.backend.name,
    note: `PATCH /banks/:id returned → outreach's bank read model at the new sequence (polled every ${POLL_MS} ms in outreach's database), ${ctx.sizes.e2eRate} writes/s for ${ctx.sizes.e2eSeconds} s over ${BANKS} banks; ceiling: kafkajs send (acks all) → eachMessage of one message at the same rate`,
  };
  return [
    figure(
      {
        ...base,
        figure: `e2e: writes/s kept (target ${ctx.sizes.e2eRate})`,
        unit: 'writes/s',
        better: 'higher',
      },
      rounds.lianxin.map((r) => r.rate),
      rounds.ceiling.map((r) => r.rate),
    ),
    figure(
      { ...base, figure: `e2e: p50 at ${ctx.sizes.e2eRate} writes/s`, unit: 'ms', better: 'lower' },
      rounds.lianxin.map((r) => r.p50),
      rounds.ceiling.map((r) => r.p50),
    ),
    figure(
      {
        ...base,
        figure: 'e2e: of the p50, write returned → event on Kafka (the relay)',
        unit: 'ms',
        better: 'lower',
        note: "a split of the p50 above, no ceiling of its own: when a consumer of the bench's own saw the event on lianxin.banks.v1; the rest is outreach's consumer applying it",
      },
      rounds.lianxin.map((r) => r.relayP50 ?? Number.NaN),
      null,
    ),
    figure(
      { ...base, figure: `e2e: p99 at ${ctx.sizes.e2eRate} writes/s`, unit: 'ms', better: 'lower' },
      rounds.lianxin.map((r) => r.p99),
      rounds.ceiling.map((r) => r.p99),
    ),
  ];
}
