// Search latency at 100 and 10,000 published bulletins on the database under test: bigram keys vs plain substring matching (ADR 015).
// Run: `pnpm bench:micro --project suite services/content/src/bulletins/search.bench.ts` (SEARCH_BENCH_SIZES=100,10000).
import { connectDb } from '@lianxin/platform/db';
import { testEnv } from '@lianxin/testing';
import type { Connection } from 'mongoose';
import { afterAll, bench, describe } from 'vitest';
import { DEMO_BULLETINS } from '../demo/demo-bulletins.ts';
import { createModels } from '../shared/models.ts';
import { BulletinRepository, type SearchFilter } from './bulletin.repository.ts';
import { approveBulletin, newBulletin, submitBulletin } from './bulletin.rules.ts';
import type { BulletinContent } from './bulletin.ts';

const SIZES = (process.env.SEARCH_BENCH_SIZES ?? '100,10000').split(',').map(Number);
const ITERATIONS = Number(process.env.SEARCH_BENCH_ITERATIONS ?? 30);
// Kept between runs (seeding 10,000 takes minutes); SEARCH_BENCH_DROP=1 drops them at the end.
const dbNameOf = (n: number) => `lx_bench_content_search_v3_${n}`;
const env = testEnv(import.meta.url);

// Realistic text: the demo bulletins' own sentences, recombined. Every bulletin keeps one demo
// case's title, type, audiences and summary, and its body gains sentences from the others.
const SENTENCES = DEMO_BULLETINS.flatMap((d) =>
  `${d.content.summary}${d.content.body}`
    .split(/(?<=[。！？])|\n+/u)
    .map((s) => s.trim())
    .filter((s) => Array.from(s).length >= 8),
);
const REGIONS = [
  '香河县淑阳镇',
  '香河县蒋辛屯镇',
  '香河县渠口镇',
  '香河县安头屯镇',
  '香河县五百户镇',
];
/** Planted in one bulletin of every hundred: the rare term. */
const RARE = '翡翠手镯';

let seed = 11;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pickSentence = () => SENTENCES[Math.floor(rnd() * SENTENCES.length)] ?? '';

function contentOf(i: number): BulletinContent {
  const base = DEMO_BULLETINS[i % DEMO_BULLETINS.length]?.content;
  if (base === undefined) throw new Error('no demo bulletins');
  const extra = Array.from({ length: 4 + (i % 5) }, pickSentence).join('');
  const rare = i % 100 === 37 ? `受害人还被骗买下一只“${RARE}”。` : '';
  return {
    title: `${base.title}（第${i + 1}号）`,
    fraudType: base.fraudType,
    summary: base.summary,
    body: `${base.body}\n\n## 类似情况\n\n${rare}${extra}`,
    caseDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    region: REGIONS[i % REGIONS.length] ?? '香河县',
    lossFen: (i % 500) * 10_000,
    victimProfile: { ageBand: base.victimProfile.ageBand, occupation: null },
    modusOperandi: base.modusOperandi,
    warningSigns: base.warningSigns,
    advice: base.advice,
    audiences: base.audiences,
    tags: [],
  };
}

interface Corpus {
  n: number;
  conn: Connection;
  withKeys: BulletinRepository;
  substring: BulletinRepository;
}

async function corpus(n: number): Promise<Corpus> {
  const url = new URL(env.mongoUrl);
  url.pathname = `/${dbNameOf(n)}`;
  const conn = await connectDb({ url: url.toString(), poolSize: 20, timeoutMs: 120_000 });
  const models = createModels(conn);
  await Promise.all(Object.values(conn.models).map((m) => m.init()));
  const withKeys = new BulletinRepository(models.bulletins);
  const substring = new BulletinRepository(models.bulletins, () => undefined, {
    bigramKeys: false,
  });
  const have = await models.bulletins.countDocuments({ status: 'published' });
  if (have !== n) {
    await models.bulletins.deleteMany({});
    const t0 = performance.now();
    const author = { id: 'bench-author', role: 'officer' as const };
    const reviewer = { id: 'bench-reviewer', role: 'reviewer' as const };
    for (let from = 0; from < n; from += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, n - from) }, (_, k) => {
          const i = from + k;
          const now = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
          const draft = newBulletin(withKeys.newId(), contentOf(i), author, now);
          return withKeys.insert(
            approveBulletin(submitBulletin(draft, author, now), reviewer, now),
          );
        }),
      );
      if (from % 1000 === 0) process.stderr.write(`  seeding ${from}/${n}\r`);
    }
    console.log(
      `seeded ${n} published bulletins in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  return { n, conn, withKeys, substring };
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
// A substring scan of 10,000 bulletins takes seconds: fewer runs of it.
const scanOpts = { ...opts, iterations: Number(process.env.SEARCH_BENCH_SCAN_ITERATIONS ?? 5) };

for (const [n, c] of corpora) {
  describe(`reader search at ${n} published bulletins`, () => {
    for (const { name, filter } of CASES) {
      for (const [mode, repo] of [
        ['bigram keys', c.withKeys],
        ['substring $regex', c.substring],
      ] as const) {
        if (filter.q === undefined && mode !== 'bigram keys') continue;
        const label = `${n}: ${name} — ${mode}`;
        bench(
          label,
          async () => {
            const t0 = performance.now();
            const page = await repo.search('reader', filter, 1, 20);
            const entry = samples.get(label) ?? { ms: [], total: page.total };
            entry.ms.push(performance.now() - t0);
            samples.set(label, entry);
          },
          mode === 'bigram keys' ? opts : scanOpts,
        );
      }
    }
  });
}
