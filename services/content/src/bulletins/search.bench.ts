// Search latency at 100 and 10,000 published bulletins: a reader's search through the index (ADR 036/039) beside the database search it replaced (substring `$regex`).
// Run: `pnpm bench:micro --project suite services/content/src/bulletins/search.bench.ts` (SEARCH_BENCH_SIZES=100,10000).
import { connectDb } from '@lianxin/platform/db';
import { testEnv } from '@lianxin/testing';
import type { Connection } from 'mongoose';
import { afterAll, bench, describe } from 'vitest';
import { CORPUS_RARE_WORD as RARE, seedCorpus } from '../demo/demo-search-corpus.ts';
import { createModels } from '../shared/models.ts';
import { BulletinRepository, type SearchFilter } from './bulletin.repository.ts';
import { buildSearchIndex } from './build-search-index.ts';
import { searchBulletins } from './read-bulletins.ts';
import { WithdrawalWatch } from './withdrawal-watch.ts';
import { WithdrawalRepository } from './withdrawal.repository.ts';
import { SearchIndex } from './search.projection.ts';

const SIZES = (process.env.SEARCH_BENCH_SIZES ?? '100,10000').split(',').map(Number);
const ITERATIONS = Number(process.env.SEARCH_BENCH_ITERATIONS ?? 30);
// Kept between runs (seeding 10,000 takes minutes); SEARCH_BENCH_DROP=1 drops them at the end.
const dbNameOf = (n: number) => `lx_bench_content_search_v4_${n}`;
const env = testEnv(import.meta.url);

interface Corpus {
  n: number;
  conn: Connection;
  bulletins: BulletinRepository;
  search: SearchIndex;
  withdrawals: WithdrawalWatch;
}

async function corpus(n: number): Promise<Corpus> {
  const url = new URL(env.mongoUrl);
  url.pathname = `/${dbNameOf(n)}`;
  const conn = await connectDb({ url: url.toString(), poolSize: 20, timeoutMs: 120_000 });
  const models = createModels(conn);
  await Promise.all(Object.values(conn.models).map((m) => m.init()));
  const log = new WithdrawalRepository(models.withdrawals);
  const bulletins = new BulletinRepository(models.bulletins, log);
  const have = await models.bulletins.countDocuments({ status: 'published' });
  if (have !== n) {
    await models.bulletins.deleteMany({});
    const t0 = performance.now();
    await seedCorpus(bulletins, n, (done) => process.stderr.write(`  seeding ${done}/${n}\r`));
    console.log(
      `seeded ${n} published bulletins in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  const search = new SearchIndex();
  await buildSearchIndex({ bulletins, search });
  return { n, conn, bulletins, search, withdrawals: new WithdrawalWatch(log) };
}

const corpora = new Map<number, Corpus>();
for (const n of SIZES) corpora.set(n, await corpus(n));

/** Each case's own samples, so the summary can give the median and p95 the issue asks for. */
const samples = new Map<string, { ms: number[]; total: number }>();
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};

afterAll(async () => {
  const rows = [...samples].map(([name, { ms, total }]) => ({
    case: name,
    'median ms': Number(pct(ms, 50).toFixed(1)),
    'p95 ms': Number(pct(ms, 95).toFixed(1)),
    matches: total,
    runs: ms.length,
  }));
  console.table(rows);
  for (const c of corpora.values()) {
    if (process.env.SEARCH_BENCH_DROP === '1') await c.conn.dropDatabase();
    await c.conn.close();
  }
});

const CASES: { name: string; filter: SearchFilter }[] = [
  { name: `rare word q=${RARE} (1 in 100)`, filter: { q: RARE } },
  { name: 'common word q=转账', filter: { q: '转账' } },
  { name: 'phrase q=退休教师 (1 in 9)', filter: { q: '退休教师' } },
  { name: 'absent q=量子纠缠', filter: { q: '量子纠缠' } },
  {
    name: 'fraudType+audience+q (fake_investment, elderly, 养老)',
    filter: { fraudType: 'fake_investment', audience: 'elderly', q: '养老' },
  },
  {
    name: 'fraudType+audience, no text',
    filter: { fraudType: 'fake_investment', audience: 'elderly' },
  },
];

const WARMUP = Number(process.env.SEARCH_BENCH_WARMUP ?? 2);
const opts = { iterations: ITERATIONS, time: 0, warmupIterations: WARMUP, warmupTime: 0 };
// The database searches take seconds at 10,000: fewer runs of them.
const scanOpts = { ...opts, iterations: Number(process.env.SEARCH_BENCH_SCAN_ITERATIONS ?? 5) };

type Mode = 'search index' | 'database $regex';

for (const [n, c] of corpora) {
  describe(`reader search at ${n} published bulletins`, () => {
    for (const { name, filter } of CASES) {
      // The use case the route calls (the withdrawals read, then the index), and the database search.
      const modes: [Mode, () => Promise<{ total: number }>][] = [
        ['search index', () => searchBulletins(c, 'reader', filter, 1, 20)],
        ['database $regex', () => c.bulletins.search('reader', filter, 1, 20)],
      ];
      for (const [mode, run] of modes) {
        const label = `${n}: ${name} — ${mode}`;
        bench(
          label,
          async () => {
            const t0 = performance.now();
            const page = await run();
            const entry = samples.get(label) ?? { ms: [], total: page.total };
            entry.ms.push(performance.now() - t0);
            samples.set(label, entry);
          },
          mode === 'search index' ? opts : scanOpts,
        );
      }
    }
  });
}
