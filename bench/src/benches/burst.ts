// 1. Registration burst: 1,000 concurrent registrations from 12 liaisons to one forum, beside a bare guarded $inc.
import { randomUUID } from 'node:crypto';
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { assertAll, load, type LoadResult } from '../lib/http-load.ts';
import { RssSampler } from '../lib/proc.ts';
import { attendee, createBanks, scheduleForum } from '../lib/system.ts';

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

/** One burst through outreach, then the outcome read back through its API. */
export async function lianxinBurst(ctx: BenchContext): Promise<Round> {
  const { tokens, sizes } = ctx;
  const sys = await ctx.system();
  const banks = await createBanks(sys, tokens, 12, true);
  const liaisonTokens = await Promise.all(
    banks.map((b) => tokens.liaison(b.bankId, b.liaisonId ?? '')),
  );
  const sessionId = await scheduleForum(sys, tokens, banks, sizes.burstCapacity, sizes.burstQuota);
  const order = shuffled(sizes.burstRequests, banks.length);
  const procs: Record<string, number> = { outreach: sys.outreach.pid, banks: sys.banks.pid };
  const round = await withPeaks(procs, () =>
    load({
      url: sys.outreach.url,
      method: 'POST',
      amount: sizes.burstRequests,
      connections: sizes.burstRequests,
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

async function ceilingBurst(ctx: BenchContext): Promise<Round> {
  const { sizes } = ctx;
  const sys = await ctx.system();
  const bare = await ctx.bare();
  const db = sys.dbName('ceiling');
  const id = randomUUID();
  const counters = sys.mongo.db(db).collection<{ _id: string; n: number }>('counters');
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
    () => lianxinBurst(ctx),
    {
      ceiling: say,
      lianxin: (r) =>
        `${say(r)}; ${ctx.sizes.burstCapacity} confirmed, ≤ ${ctx.sizes.burstQuota} per bank`,
    },
  );
  const base = {
    bench: 'burst',
    backend: ctx.backend.name,
    note: `${ctx.sizes.burstRequests} concurrent POSTs, 12 liaisons, capacity ${ctx.sizes.burstCapacity}, quota ${ctx.sizes.burstQuota}; ceiling: bare Fastify, one $lt-guarded $inc`,
  };
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
          note: 'sampled from /proc every 100 ms; ceiling: the bare Fastify process during its burst',
        },
        lx.map((r) => r.peakMb[name] ?? 0),
        ceil.map((r) => r.peakMb.ceiling ?? 0),
      ),
    );
  return figures;
}
