// 7. Search: GET /bulletins at 10,000 published bulletins (quick: 1,000) — a rare word, a common word, two words, a fraud type, a staff filter — beside the same query on the search index alone, in this process.
import { connectDb } from '@lianxin/platform/db';
import { BulletinRepository } from '../../../services/content/src/bulletins/bulletin.repository.ts';
import { WithdrawalRepository } from '../../../services/content/src/bulletins/withdrawal.repository.ts';
import { indexRecordOf } from '../../../services/content/src/bulletins/search-keys.rules.ts';
import {
  SearchIndex,
  type IndexFilter,
  type IndexView,
} from '../../../services/content/src/bulletins/search.projection.ts';
import {
  corpusBulletin,
  CORPUS_RARE_WORD,
  seedCorpus,
} from '../../../services/content/src/demo/demo-search-corpus.ts';
import { createModels } from '../../../services/content/src/shared/models.ts';
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { assertAll, load, type LoadResult } from '../lib/http-load.ts';
import { progress } from '../lib/progress.ts';
import { startChild } from '../lib/services.ts';
import { rssBytes } from '../lib/proc.ts';
import { percentile } from '../lib/stats.ts';
import { benchTopicPrefix } from '../lib/run-scope.ts';

interface Case {
  name: string;
  query: string;
  view: IndexView;
  filter: IndexFilter;
  staff: boolean;
}

const cases = (): Case[] => {
  const reader = (name: string, filter: IndexFilter): Case => ({
    name,
    query: queryOf(filter),
    view: 'public',
    filter,
    staff: false,
  });
  return [
    reader(`rare word ${CORPUS_RARE_WORD} (1 in 100)`, { q: CORPUS_RARE_WORD }),
    reader('common word 转账', { q: '转账' }),
    reader('two words 银行 转账', { q: '银行 转账' }),
    reader('fraud type fake_investment', { fraudType: 'fake_investment' }),
    {
      name: 'staff: status=published + 验证码',
      query: queryOf({ q: '验证码', status: 'published' }),
      view: 'latest',
      filter: { q: '验证码', status: 'published' },
      staff: true,
    },
  ];
};

const secs = (ms: number): string => (ms / 1000).toFixed(1);

function queryOf(filter: IndexFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) params.set(k, String(v));
  return params.toString();
}

/** p50/p99 of `amount` searches on the index alone: the work the route adds HTTP and (readers) the withdrawals read to (ADR 039). */
function onIndex(index: SearchIndex, c: Case, amount: number): { p50: number; p99: number } {
  const ms: number[] = [];
  for (let i = 0; i < amount; i++) {
    const t0 = performance.now();
    index.search(c.view, c.filter, 1, 20);
    ms.push(performance.now() - t0);
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** Published bulletins searched, and requests per query and round (BENCH_SEARCH_REQUESTS: fewer on a loaded machine). */
const SIZES = { full: { n: 10_000, amount: 500 }, quick: { n: 1_000, amount: 40 } };

export async function search(ctx: BenchContext): Promise<Figure[]> {
  const { n } = ctx.quick ? SIZES.quick : SIZES.full;
  const amount = Number(
    process.env.BENCH_SEARCH_REQUESTS ?? (ctx.quick ? SIZES.quick : SIZES.full).amount,
  );
  const url = new URL(ctx.backend.mongoUrl);
  // Not the run's: the corpus is kept between runs (next comment), so it is named by size only.
  url.pathname = `/bench_${ctx.backend.name}_content_search_${n}`;
  const conn = await connectDb({ url: url.toString(), poolSize: 20, timeoutMs: 120_000 });
  try {
    const models = createModels(conn);
    await Promise.all(Object.values(conn.models).map((m) => m.init()));
    const repo = new BulletinRepository(
      models.bulletins,
      new WithdrawalRepository(models.withdrawals),
    );
    // Kept between runs (10,000 take minutes to write); made again when its size differs. The
    // size is in a marker document read by `_id`: on FerretDB even `estimatedDocumentCount`
    // decodes the collection (20 s at 10,000), so it is only the fallback for a corpus seeded
    // before the marker existed.
    const c0 = performance.now();
    const marks = conn.collection<{ _id: string; n: number }>('bench_corpus');
    const kept =
      (await marks.findOne({ _id: 'corpus' }))?.n ??
      (await models.bulletins.estimatedDocumentCount());
    progress(`search: corpus of ${kept} found in ${secs(performance.now() - c0)} s`);
    if (kept !== n) {
      await marks.deleteOne({ _id: 'corpus' });
      await models.bulletins.deleteMany({});
      const t0 = performance.now();
      await seedCorpus(repo, n, (done) => {
        progress(`search: seeding ${done}/${n}`);
      });
      progress(`search: seeded ${n} in ${secs(performance.now() - t0)} s`);
    }
    await marks.updateOne({ _id: 'corpus' }, { $set: { n } }, { upsert: true });
    const t0 = performance.now();
    const content = await startChild(ctx.stack.repoRoot, ctx.logDir, {
      name: `${ctx.backend.name}-content-search`,
      script: 'services/content/src/main.ts',
      port: ctx.portBase + 3,
      // The index is built from the whole collection before /readyz says 200.
      readyTimeoutMs: 600_000,
      // BENCH_SEARCH_CPU_PROF=<dir>: a V8 CPU profile of content (start-up and every query) on stop.
      ...(process.env.BENCH_SEARCH_CPU_PROF === undefined
        ? {}
        : { cpuProfDir: process.env.BENCH_SEARCH_CPU_PROF }),
      env: {
        MONGO_URL: url.toString(),
        KAFKA_BROKERS: ctx.stack.kafkaBrokers,
        KAFKA_CLIENT_ID: 'bench-content',
        // The run's topics: the seeded bulletins' bulletin.changed stay off the dev stack's.
        KAFKA_TOPIC_PREFIX: benchTopicPrefix(),
        JWT_PUBLIC_KEY_FILE: ctx.tokens.publicKeyPath,
        LOAD_DEMO: 'false',
        LOG_LEVEL: 'warn',
        MONGO_TIMEOUT_MS: '30000',
        RATE_LIMIT_MAX: '10000000',
      },
    });
    // /readyz answers 200 once the index is built from the database and follows the events.
    const readyMs = performance.now() - t0;
    try {
      progress(`search: content ready (index built, following) in ${secs(readyMs)} s`);
      // Measure once the relay has published the seeded bulletins' events (its writes would load
      // the database). One pending document is enough to wait: an equality on the indexed flag
      // with a limit (pushed down to SQL), not a count (FerretDB decodes every document for it).
      const d0 = performance.now();
      for (let i = 0; i < 600; i++) {
        const pending = await models.bulletins.collection.findOne(
          { outboxPending: true },
          { projection: { _id: 1 } },
        );
        if (pending === null) break;
        await new Promise((r) => setTimeout(r, 1_000));
      }
      progress(`search: relay drained in ${secs(performance.now() - d0)} s`);
      // And once content has retired the old key arrays (ADR 039; their indexes go last, so none
      // left means done; a corpus already retired has none from the start).
      const k0 = performance.now();
      for (let i = 0; i < 900; i++) {
        if ((await repo.retiredKeyIndexes()).length === 0) break;
        await new Promise((r) => setTimeout(r, 1_000));
      }
      progress(`search: old key arrays retired in ${secs(performance.now() - k0)} s`);
      // The ceiling's index holds the same corpus, built in memory: the build's CPU without the database.
      const index = new SearchIndex();
      const b0 = performance.now();
      for (let i = 0; i < n; i++) index.apply(indexRecordOf(corpusBulletin(repo.newId(), i)));
      const buildMs = performance.now() - b0;
      const coordinator = await ctx.tokens.coordinator('bench-search-coordinator');
      const figures: Figure[] = [
        figure(
          {
            bench: 'search',
            backend: ctx.backend.name,
            figure: `search: index built at ${n.toLocaleString('en-US')} bulletins`,
            unit: 'ms',
            better: 'lower',
            note: 'Lianxin: content started until /readyz is 200 (index built, consumer joined); ceiling: the same corpus indexed in this process from memory (the build without the database)',
          },
          [readyMs],
          [buildMs],
        ),
      ];
      // What the index costs in memory: the content process once its index is built.
      const rss = rssBytes(content.pid);
      figures.push(
        figure(
          {
            bench: 'search',
            backend: ctx.backend.name,
            figure: `search: content RSS with the index at ${n.toLocaleString('en-US')} bulletins`,
            unit: 'MB',
            better: 'lower',
            note: 'Lianxin: the content process after its index is built; ceiling: none (the size to provision)',
          },
          rss === undefined ? null : [Math.round(rss / 1024 / 1024)],
          null,
        ),
      );
      for (const c of cases()) {
        const expected = index.search(c.view, c.filter, 1, 20).total;
        const rounds = await alternate(
          `${ctx.backend.name} search ${c.name}`,
          ctx,
          () => Promise.resolve(onIndex(index, c, amount)),
          async () => {
            const staffHeaders = (x: Case): Record<string, string> =>
              x.staff ? { authorization: `Bearer ${coordinator}` } : {};
            const res = await load({
              url: content.url,
              method: 'GET',
              amount,
              connections: 1,
              request: () => ({
                path: `/bulletins?${c.query}`,
                headers: staffHeaders(c),
              }),
            });
            assertAll(res, 200, `search ${c.name}`);
            return res;
          },
          {
            ceiling: (x) => `p50 ${x.p50.toFixed(2)} ms, p99 ${x.p99.toFixed(2)} ms`,
            lianxin: (l: LoadResult) =>
              `p50 ${l.p50} ms, p99 ${l.p99} ms, ${Math.round(l.rps)} req/s`,
          },
        );
        const base = {
          bench: 'search',
          backend: ctx.backend.name,
          note: `${amount} requests one at a time, first page of 20 of ${expected.toLocaleString('en-US')} matches at ${n.toLocaleString('en-US')} published bulletins; ceiling: the same query on the search index alone, in process, without HTTP or (readers) the one read of the withdrawals`,
        };
        figures.push(
          figure(
            { ...base, figure: `search: ${c.name} p50`, unit: 'ms', better: 'lower' },
            rounds.lianxin.map((x) => x.p50),
            rounds.ceiling.map((x) => x.p50),
          ),
          figure(
            { ...base, figure: `search: ${c.name} p99`, unit: 'ms', better: 'lower' },
            rounds.lianxin.map((x) => x.p99),
            rounds.ceiling.map((x) => x.p99),
          ),
        );
      }
      return figures;
    } finally {
      await content.stop();
    }
  } finally {
    await conn.close();
  }
}
