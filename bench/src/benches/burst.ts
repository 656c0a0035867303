// 1. Registration burst: 1,000 concurrent registrations from 12 liaisons to one forum, beside a bare guarded $inc.
import { randomUUID } from 'node:crypto';
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { assertAll, load, type LoadResult } from '../lib/http-load.ts';
import { RssSampler } from '../lib/proc.ts';
import { MongoClient } from 'mongodb';
import { progress } from '../lib/progress.ts';
import { benchDbName } from '../lib/run-scope.ts';
import type { RunningChild } from '../lib/services.ts';
import {
  attendee,
  createBanks,
  scheduleForum,
  type BenchBank,
  type System,
} from '../lib/system.ts';

interface Round {
  load: LoadResult;
  /** Peak resident memory (MB) per process name during the burst. */
  peakMb: Record<string, number>;
}

interface RegistrationItem {
  bankId: string;
  status: string;
}

const MB = 1024 * 1024;

function shuffled(n: number, buckets: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i % buckets);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    const a = out[i] ?? 0;
    out[i] = out[j] ?? 0;
    out[j] = a;
  }
  return out;
}

async function withPeaks(
  procs: Record<string, number>,
  run: () => Promise<LoadResult>,
): Promise<Round> {
  const sampler = new RssSampler(Object.values(procs));
  sampler.start();
  const result = await run();
  const peaks = sampler.stop();
  const peakMb: Record<string, number> = {};
  for (const [name, pid] of Object.entries(procs)) peakMb[name] = (peaks.get(pid) ?? 0) / MB;
  return { load: result, peakMb };
}

const primeCount = (burstRequests: number) => Math.max(10, Math.round(burstRequests / 20));

/**
 * A freshly started outreach is cold (JIT, connection pools, the relay's producer): a small burst
 * to another forum first, 1/20 of the measured one, so the round measures the burst, not the start.
 */
async function prime(
  ctx: BenchContext,
  sys: System,
  banks: readonly BenchBank[],
  liaisonTokens: readonly string[],
): Promise<void> {
  const n = primeCount(ctx.sizes.burstRequests);
  const forum = await scheduleForum(sys, ctx.tokens, banks, n, null);
  const res = await load({
    url: sys.outreach.url,
    method: 'POST',
    amount: n,
    connections: n,
    request: (i) => ({
      path: `/sessions/${forum}/registrations`,
      headers: { authorization: `Bearer ${liaisonTokens[i % liaisonTokens.length] ?? ''}` },
      body: JSON.stringify(attendee(i)),
    }),
  });
  assertAll(res, 201, 'priming registrations');
}

/** One burst through outreach on `sys`, then the outcome read back through its API. */
export async function lianxinBurst(ctx: BenchContext, sys: System, fresh: boolean): Promise<Round> {
  const { tokens, sizes } = ctx;
  const banks = await createBanks(sys, tokens, 12, true);
  const liaisonTokens = await Promise.all(
    banks.map((b) => tokens.liaison(b.bankId, b.liaisonId ?? '')),
  );
  if (fresh) await prime(ctx, sys, banks, liaisonTokens);
  const sessionId = await scheduleForum(sys, tokens, banks, sizes.burstCapacity, sizes.burstQuota);
  const order = shuffled(sizes.burstRequests, banks.length);
  const procs: Record<string, number> = { outreach: sys.outreach.pid, banks: sys.banks.pid };
  const round = await withPeaks(procs, () =>
    load({
      url: sys.outreach.url,
      method: 'POST',
      amount: sizes.burstRequests,
      connections: sizes.burstRequests,
      // All 1,000 wait in line at once: on SQLite under load the last answers take over 300 s
      // (2026-12-01, load 11–13), and the figure is the burst's throughput, so they are waited for.
      timeoutSeconds: 900,
      request: (i) => ({
        path: `/sessions/${sessionId}/registrations`,
        headers: { authorization: `Bearer ${liaisonTokens[order[i] ?? 0] ?? ''}` },
        body: JSON.stringify(attendee(i)),
      }),
    }),
  );
  assertAll(round.load, 201, 'burst registrations');

  const { items } = await sys.outreachApi.call<{ items: RegistrationItem[] }>(
    await tokens.coordinator(),
    'GET',
    `/sessions/${sessionId}/registrations`,
  );
  const confirmed = items.filter((r) => r.status === 'confirmed');
  const perBank = new Map<string, number>();
  for (const r of confirmed) perBank.set(r.bankId, (perBank.get(r.bankId) ?? 0) + 1);
  const worst = Math.max(0, ...perBank.values());
  if (
    items.length !== sizes.burstRequests ||
    confirmed.length !== sizes.burstCapacity ||
    worst > sizes.burstQuota
  )
    throw new Error(
      `burst outcome wrong: ${items.length} registrations, ${confirmed.length} confirmed (want ${sizes.burstCapacity}), a bank at ${worst} (quota ${sizes.burstQuota})`,
    );
  return round;
}

let ceilingRound = 0;

async function ceilingBurst(ctx: BenchContext): Promise<Round> {
  const bare = await ctx.bare();
  // A new database each round, as Lianxin's side gets; its own client, so it needs no services.
  ceilingRound += 1;
  const db = benchDbName(ctx.backend, `ceiling_${ceilingRound}`);
  const mongo = await MongoClient.connect(ctx.backend.mongoUrl);
  try {
    return await ceilingRoundOn(ctx, bare, mongo, db);
  } finally {
    await mongo.close();
  }
}

async function ceilingRoundOn(
  ctx: BenchContext,
  bare: RunningChild,
  mongo: MongoClient,
  db: string,
): Promise<Round> {
  const { sizes } = ctx;
  const id = randomUUID();
  const counters = mongo.db(db).collection<{ _id: string; n: number }>('counters');
  await counters.insertOne({ _id: id, n: 0 });
  const round = await withPeaks({ ceiling: bare.pid }, () =>
    load({
      url: bare.url,
      method: 'POST',
      amount: sizes.burstRequests,
      connections: sizes.burstRequests,
      request: (i) => ({
        path: `/claim/${db}/${id}?cap=${sizes.burstCapacity}`,
        headers: { authorization: 'Bearer none' },
        body: JSON.stringify(attendee(i)),
      }),
    }),
  );
  assertAll(round.load, 201, 'ceiling claims');
  const n = (await counters.findOne({ _id: id }))?.n;
  if (n !== sizes.burstCapacity)
    throw new Error(`ceiling counter ended at ${n}, not ${sizes.burstCapacity}: lost updates`);
  return round;
}

const say = (r: Round) =>
  `${Math.round(r.load.rps)} req/s, p50 ${r.load.p50} ms, p99 ${r.load.p99} ms`;

export async function burst(ctx: BenchContext): Promise<Figure[]> {
  const rounds = await alternate(
    `${ctx.backend.name} burst`,
    ctx,
    () => ceilingBurst(ctx),
    // Each round on new databases (banks and outreach restarted on them): on SQLite every query
    // but an exact `_id` scans its collection (ADR 012), so a round on the previous rounds'
    // registrations measured those rounds' data as much as its own burst (ADR 045).
    async () => lianxinBurst(ctx, await ctx.freshSystem(), true),
    {
      ceiling: say,
      lianxin: (r) =>
        `${say(r)}; ${ctx.sizes.burstCapacity} confirmed, ≤ ${ctx.sizes.burstQuota} per bank`,
    },
  );
  // Then one more burst on the last round's databases, which now hold its registrations: how the
  // same burst slows as the data grows (on SQLite, the scans). Not in --quick (its 2 minutes).
  const grown = ctx.quick ? undefined : await lianxinBurst(ctx, await ctx.system(), false);
  const earlier = (ctx.sizes.burstRequests + primeCount(ctx.sizes.burstRequests)).toLocaleString(
    'en-US',
  );
  if (grown)
    progress(`${ctx.backend.name} burst with ${earlier} earlier registrations: ${say(grown)}`);
  const base = {
    bench: 'burst',
    backend: ctx.backend.name,
    note: `${ctx.sizes.burstRequests} concurrent POSTs, 12 liaisons, capacity ${ctx.sizes.burstCapacity}, quota ${ctx.sizes.burstQuota}; each round on new, empty databases (services restarted on them and primed by a burst of ${primeCount(ctx.sizes.burstRequests)} to another forum), so the figure is one burst's cost and leaves out the slowdown as data grows (the "earlier registrations" figure); ceiling: bare Fastify, one $lt-guarded $inc, a new database each round`,
  };
  const grownNote = `one round, on the databases and processes of the last measured round (its registrations, 24 banks and two forums already in them); compare with "burst: registrations/s" on the same backend; no ceiling (its $inc by _id does not depend on the data)`;
  const ceil = rounds.ceiling;
  const lx = rounds.lianxin;
  const figures: Figure[] = [
    figure(
      { ...base, figure: 'burst: registrations/s', unit: 'req/s', better: 'higher' },
      lx.map((r) => r.load.rps),
      ceil.map((r) => r.load.rps),
    ),
    figure(
      { ...base, figure: 'burst: p50 latency', unit: 'ms', better: 'lower' },
      lx.map((r) => r.load.p50),
      ceil.map((r) => r.load.p50),
    ),
    figure(
      { ...base, figure: 'burst: p99 latency', unit: 'ms', better: 'lower' },
      lx.map((r) => r.load.p99),
      ceil.map((r) => r.load.p99),
    ),
  ];
  if (grown)
    figures.push(
      figure(
        {
          ...base,
          figure: `burst: registrations/s with ${earlier} earlier registrations`,
          unit: 'req/s',
          better: 'higher',
          note: grownNote,
        },
        [grown.load.rps],
        null,
      ),
      figure(
        {
          ...base,
          figure: `burst: p99 latency with ${earlier} earlier registrations`,
          unit: 'ms',
          better: 'lower',
          note: grownNote,
        },
        [grown.load.p99],
        null,
      ),
    );
  const names = Object.keys(lx[0]?.peakMb ?? {});
  for (const name of names)
    figures.push(
      figure(
        {
          bench: 'memory',
          backend: ctx.backend.name,
          figure: `memory: peak RSS of ${name} during the burst`,
          unit: 'MB',
          better: 'lower',
          note: 'sampled from /proc every 100 ms, each round in a freshly started process; ceiling: the bare Fastify process during its burst',
        },
        lx.map((r) => r.peakMb[name] ?? 0),
        ceil.map((r) => r.peakMb.ceiling ?? 0),
      ),
    );
  return figures;
}
