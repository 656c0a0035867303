// Search latency at 100 and 10,000 published bulletins: the search index (ADR 036) beside the database search it replaced — bigram keys, plain substring matching (ADR 015).
// Run: `pnpm bench:micro --project suite services/content/src/bulletins/search.bench.ts` (SEARCH_BENCH_SIZES=100,10000).
import { connectDb } from '@lianxin/platform/db';
import { testEnv } from '@lianxin/testing';
import type { Connection } from 'mongoose';
import { afterAll, bench, describe } from 'vitest';
import { CORPUS_RARE_WORD as RARE, seedCorpus } from '../demo/demo-search-corpus.ts';
import { createModels } from '../shared/models.ts';
import { BulletinRepository, type Page, type SearchFilter } from './bulletin.repository.ts';
import type { Bulletin } from './bulletin.ts';
import { buildSearchIndex } from './build-search-index.ts';
import { SearchIndex } from './search.projection.ts';

const SIZES = (process.env.SEARCH_BENCH_SIZES ?? '100,10000').split(',').map(Number);
const ITERATIONS = Number(process.env.SEARCH_BENCH_ITERATIONS ?? 30);
// Kept between runs (seeding 10,000 takes minutes); SEARCH_BENCH_DROP=1 drops them at the end.
const dbNameOf = (n: number) => `lx_bench_content_search_v4_${n}`;
const env = testEnv(import.meta.url);

interface Corpus {
  n: number;
  conn: Connection;
  withKeys: BulletinRepository;
  substring: BulletinRepository;
  index: SearchIndex;
}

async function corpus(n: number): Promise<Corpus> {
  const url = new URL(env.mongoUrl);
  url.pathname = `/${dbNameOf(n)}`;
  const conn = await connectDb({ url: url.toString(), poolSize: 20, timeoutMs: 120_000 });
  const models = createModels(conn);
  await Promise.all(Object.values(conn.models).map((m) => m.init()));
  const withKeys = new BulletinRepository(models.bulletins, models.withdrawals);
  const substring = new BulletinRepository(models.bulletins, models.withdrawals, () => undefined, {
    bigramKeys: false,
  });
  const have = await models.bulletins.countDocuments({ status: 'published' });
  if (have !== n) {
    await models.bulletins.deleteMany({});
    const t0 = performance.now();
    await seedCorpus(withKeys, n, (done) => process.stderr.write(`  seeding ${done}/${n}\r`));
    console.log(
      `seeded ${n} published bulletins in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  const index = new SearchIndex();
  await buildSearchIndex({ bulletins: withKeys, search: index });
  return { n, conn, withKeys, substring, index };
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

type Mode = 'search index' | 'bigram keys' | 'substring $regex';

/** A reader's first page as the route gets it: ids and total from the index, the page by `_id`. */
async function viaIndex(c: Corpus, filter: SearchFilter): Promise<Page<Bulletin>> {
  const { ids, total } = c.index.search('public', filter, 1, 20);
  return { items: await c.withKeys.page('reader', ids), total };
}

for (const [n, c] of corpora) {
  describe(`reader search at ${n} published bulletins`, () => {
    for (const { name, filter } of CASES) {
      const modes: [Mode, () => Promise<Page<Bulletin>>][] = [
        ['search index', () => viaIndex(c, filter)],
        ['bigram keys', () => c.withKeys.search('reader', filter, 1, 20)],
        ['substring $regex', () => c.substring.search('reader', filter, 1, 20)],
      ];
      for (const [mode, run] of modes) {
        if (filter.q === undefined && mode === 'substring $regex') continue;
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
