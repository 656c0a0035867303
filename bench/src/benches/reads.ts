// 5. Reads: GET /sessions, GET /banks and one session's registrations (at 10,000), beside a bare find on the same collection.
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { assertAll, load, type LoadResult } from '../lib/http-load.ts';
import { attendee, createBanks, scheduleForum } from '../lib/system.ts';

const BATCH = 50;

interface Read {
  name: string;
  url: () => string;
  path: string;
  ceilingPath: string;
  /** What one answer holds, for the figure's note. */
  answer: string;
  amount: number;
  connections: number;
}

/** Fills one session with `n` registrations through the API (batches of 50 from 12 liaisons). */
export async function fillSession(ctx: BenchContext, n: number): Promise<string> {
  const { tokens } = ctx;
  const sys = await ctx.system();
  const banks = await createBanks(sys, tokens, 12, true);
  const liaisons = await Promise.all(banks.map((b) => tokens.liaison(b.bankId, b.liaisonId ?? '')));
  const sessionId = await scheduleForum(sys, tokens, banks, 10_000, null);
  const batches = Math.ceil(n / BATCH);
  const t0 = performance.now();
  let next = 0;
  const worker = async (w: number) => {
    for (;;) {
      const b = next;
      next += 1;
      if (b >= batches) return;
      const size = Math.min(BATCH, n - b * BATCH);
      await sys.outreachApi.call(
        liaisons[w % liaisons.length] ?? '',
        'POST',
        `/sessions/${sessionId}/registrations`,
        {
          attendees: Array.from({ length: size }, (_, i) => attendee(b * BATCH + i)),
        },
      );
      if (b % 20 === 0) {
        const s = (performance.now() - t0) / 1000;
        process.stderr.write(
          `  … ${Math.min(n, (b + 1) * BATCH)}/${n} registrations in ${Math.round(s)} s\n`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 12 }, (_, w) => worker(w)));
  process.stderr.write('\n');
  return sessionId;
}

export async function reads(ctx: BenchContext): Promise<Figure[]> {
  const { tokens, sizes } = ctx;
  const sys = await ctx.system();
  const sessionId = await fillSession(ctx, sizes.readRegistrations);
  const coordinators = await tokens.coordinators(100);
  const one = coordinators[0] ?? '';
  // The ceiling reads as many documents as Lianxin's page holds.
  const sessionsPage = await sys.outreachApi.call<{ items: unknown[] }>(one, 'GET', '/sessions');
  const banksPage = await sys.banksApi.call<{ items: unknown[] }>(one, 'GET', '/banks');
  const bare = await ctx.bare();
  const outreachDb = sys.dbName('outreach');
  const reads: Read[] = [
    // The session's list first: it is the figure the 10,000 registrations are made for.
    {
      name: `GET a session's ${sizes.readRegistrations.toLocaleString('en-US')} registrations`,
      url: () => sys.outreach.url,
      path: `/sessions/${sessionId}/registrations`,
      ceilingPath: `/find/${outreachDb}/registrations?field=sessionId&value=${sessionId}`,
      // The route does not page: one answer is the whole list (ADR 045).
      answer: `the whole list (the route does not page; ${sizes.readRegistrations.toLocaleString('en-US')} registrations)`,
      amount: Math.max(10, Math.round(sizes.readRequests / 20)),
      connections: 2,
    },
    {
      name: 'GET /sessions',
      url: () => sys.outreach.url,
      path: '/sessions',
      ceilingPath: `/find/${outreachDb}/sessions?limit=${sessionsPage.items.length}`,
      answer: `the first page (${sessionsPage.items.length} sessions), as the console opens it`,
      amount: sizes.readRequests,
      connections: 10,
    },
    {
      name: 'GET /banks',
      url: () => sys.banks.url,
      path: '/banks',
      ceilingPath: `/find/${sys.dbName('banks')}/banks?limit=${banksPage.items.length}`,
      answer: `the first page (${banksPage.items.length} banks), as the console opens it`,
      amount: sizes.readRequests,
      connections: 10,
    },
  ];
  const figures: Figure[] = [];
  for (const r of reads) {
    const rounds = await alternate(
      `${ctx.backend.name} ${r.name}`,
      ctx,
      async () => {
        const res = await load({
          url: bare.url,
          method: 'GET',
          amount: r.amount,
          connections: r.connections,
          request: () => ({ path: r.ceilingPath, headers: {} }),
        });
        assertAll(res, 200, `ceiling ${r.name}`);
        return res;
      },
      async () => {
        const res = await load({
          url: r.url(),
          method: 'GET',
          amount: r.amount,
          connections: r.connections,
          request: (i) => ({
            path: r.path,
            headers: { authorization: `Bearer ${coordinators[i % coordinators.length] ?? ''}` },
          }),
        });
        assertAll(res, 200, r.name);
        return res;
      },
      {
        ceiling: (c: LoadResult) => `p50 ${c.p50} ms, p99 ${c.p99} ms, ${Math.round(c.rps)} req/s`,
        lianxin: (l: LoadResult) => `p50 ${l.p50} ms, p99 ${l.p99} ms, ${Math.round(l.rps)} req/s`,
      },
    );
    const base = {
      bench: 'reads',
      backend: ctx.backend.name,
      note: `${r.amount} requests, ${r.connections} at a time, as coordinators; each answer ${r.answer}; the session was filled through the API beforehand (not timed); ceiling: bare Fastify, one find on the same collection returning as many raw documents`,
    };
    figures.push(
      figure(
        { ...base, figure: `reads: ${r.name} p50`, unit: 'ms', better: 'lower' },
        rounds.lianxin.map((x) => x.p50),
        rounds.ceiling.map((x) => x.p50),
      ),
      figure(
        { ...base, figure: `reads: ${r.name} p99`, unit: 'ms', better: 'lower' },
        rounds.lianxin.map((x) => x.p99),
        rounds.ceiling.map((x) => x.p99),
      ),
    );
  }
  return figures;
}
