// 7. Relay at scale: publish latency of a few new events and the database's idle CPU, with many aggregates vs 100.
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { benchDbName, benchTopic } from '../lib/run-scope.ts';
import { outboxBench, type OutboxBench } from '../lib/outbox-fixture.ts';
import { cpuSeconds, databaseProcesses } from '../lib/proc.ts';
import { median } from '../lib/stats.ts';

const SMALL = 100;
const TOUCHED = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Round {
  /** Median ms from a write returning to the relay holding Kafka's acknowledgement. */
  publishMs: number;
  /** CPU of the database processes while the relay idles (polling), in % of one core. */
  idleCpu: number;
}

/** Database CPU (% of a core) over `ms`. */
async function cpuOver(port: number, ms: number): Promise<number> {
  const cpu0 = cpuSeconds(databaseProcesses(port));
  const t0 = performance.now();
  await sleep(ms);
  return ((cpuSeconds(databaseProcesses(port)) - cpu0) / ((performance.now() - t0) / 1000)) * 100;
}

/**
 * Waits (up to `seconds`: 60 in a full run) until the database is quiet with no relay running — PostgreSQL's autovacuum
 * works through a freshly inserted 50,000-row table and its GIN indexes for tens of seconds — so
 * the idle figure is the relay's polling, not the maintenance of the fixture's insert.
 */
async function settle(port: number, seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  let cpu = await cpuOver(port, 1000);
  while (cpu > 2 && Date.now() < deadline) cpu = await cpuOver(port, 1000);
  return cpu;
}

async function measure(ctx: BenchContext, f: OutboxBench, ids: string[]): Promise<Round> {
  const port = Number(new URL(ctx.backend.mongoUrl).port || 27017);
  if (databaseProcesses(port).length === 0)
    throw new Error(`no process found listening on :${port}`);
  await settle(port, ctx.sizes.settleSeconds);
  const relay = f.relay();
  // The relay's first pass, done before measuring: in a database new to it, that pass flags any
  // aggregates from before `outboxPending` (one scan of the collection, once per database: ADR 040).
  await relay.drain();
  relay.start();
  try {
    // Let the relay settle into polling, then measure the database while nothing is written.
    await sleep(1500);
    const idleCpu = await cpuOver(port, ctx.sizes.idleSeconds * 1000);

    const latencies: number[] = [];
    for (let k = 0; k < 3; k += 1) {
      const chosen = ids.slice(k * TOUCHED, (k + 1) * TOUCHED);
      const before = relay.stats.published;
      await f.touch(chosen);
      const written = performance.now();
      relay.wake();
      const deadline = Date.now() + 60_000;
      while (relay.stats.published < before + chosen.length && Date.now() < deadline)
        await sleep(1);
      if (relay.stats.published < before + chosen.length)
        throw new Error('the relay did not publish within 60 s');
      latencies.push(performance.now() - written);
    }
    return { publishMs: median(latencies), idleCpu };
  } finally {
    await relay.stop();
  }
}

export async function relayScale(ctx: BenchContext): Promise<Figure[]> {
  const { stack, sizes, backend } = ctx;
  const big = sizes.scaleAggregates;
  const small = await outboxBench(
    backend.mongoUrl,
    `${benchDbName(backend, 'relayscale')}_small`,
    stack.kafkaBrokers,
    benchTopic('bench.relayscale.v1'),
  );
  const large = await outboxBench(
    backend.mongoUrl,
    benchDbName(backend, 'relayscale'),
    stack.kafkaBrokers,
    benchTopic('bench.relayscale.v1'),
  );
  try {
    const smallIds = await small.seed(SMALL, 0);
    const started = performance.now();
    const largeIds = await large.seed(big, 0);
    process.stderr.write(
      `  seeded ${big.toLocaleString('en-US')} aggregates in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const rounds = await alternate(
      `${ctx.backend.name} relay-scale`,
      ctx,
      () => measure(ctx, small, smallIds),
      () => measure(ctx, large, largeIds),
      {
        ceiling: (r) =>
          `${SMALL} aggregates: publish ${r.publishMs.toFixed(1)} ms, idle DB CPU ${r.idleCpu.toFixed(1)} %`,
        lianxin: (r) =>
          `${big} aggregates: publish ${r.publishMs.toFixed(1)} ms, idle DB CPU ${r.idleCpu.toFixed(1)} %`,
      },
    );
    const base = {
      bench: 'relay-scale',
      backend: ctx.backend.name,
      note: `the platform relay (poll 1 s) over a collection of ${big.toLocaleString('en-US')} aggregates with nothing pending (Lianxin column) vs ${SMALL} (ceiling column); ${TOUCHED} events written, time to acknowledged; database CPU (FerretDB + PostgreSQL processes, /proc) over ${sizes.idleSeconds} s idle after the relay's first pass, after waiting (≤ ${sizes.settleSeconds} s) for the database to fall under 2 % of a core without the relay (autovacuum of the fixture's insert) — on a shared stack it includes everyone's load`,
    };
    return [
      figure(
        {
          ...base,
          figure: `relay at scale: publish ${TOUCHED} events, ${big.toLocaleString('en-US')} vs ${SMALL} aggregates`,
          unit: 'ms',
          better: 'lower',
        },
        rounds.lianxin.map((r) => r.publishMs),
        rounds.ceiling.map((r) => r.publishMs),
      ),
      figure(
        {
          ...base,
          figure: `relay at scale: idle database CPU, ${big.toLocaleString('en-US')} vs ${SMALL} aggregates`,
          unit: '% of a core',
          better: 'lower',
        },
        rounds.lianxin.map((r) => r.idleCpu),
        rounds.ceiling.map((r) => r.idleCpu),
      ),
    ];
  } finally {
    await small.close();
    await large.close();
  }
}
