// `pnpm bench [--quick] [--backends sqlite,postgres] [--only burst,relay] [--profile]`: every hot path beside its ceiling.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { burst } from './benches/burst.ts';
import { cancel } from './benches/cancel.ts';
import { e2e } from './benches/e2e.ts';
import { email } from './benches/email.ts';
import { reads } from './benches/reads.ts';
import { relay } from './benches/relay.ts';
import { relayScale } from './benches/relay-scale.ts';
import { search } from './benches/search.ts';
import { bareServer, FULL, QUICK, withSizes, type BenchContext } from './context.ts';
import type { Figure } from './lib/figures.ts';
import { profileWorst, type ProfileReport } from './profile.ts';
import { elapsedSeconds, progress } from './lib/progress.ts';
import { measuredBy, mergeEarlier, writeReport, type EarlierReport } from './report.ts';
import { stopAllChildren } from './lib/services.ts';
import { openStack } from './lib/stack.ts';
import { startSystem, type System } from './lib/system.ts';
import { createKafka } from '@lianxin/platform/messaging';
import { deleteRunTopics, dropRunDatabases, THIS_RUN } from './lib/run-scope.ts';
import { devTokens } from './lib/tokens.ts';

const BENCHES: Record<string, (ctx: BenchContext) => Promise<Figure[]>> = {
  burst,
  relay,
  e2e,
  email,
  reads,
  'relay-scale': relayScale,
  cancel,
  search,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    backends: { type: 'string' },
    only: { type: 'string' },
    skip: { type: 'string' },
    rounds: { type: 'string' },
    warmup: { type: 'string' },
    profile: { type: 'boolean', default: false },
    out: { type: 'string' },
    merge: { type: 'string' },
    size: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    'usage: pnpm bench [--quick] [--backends sqlite,postgres|name=mongodb://…] [--only ' +
      `${Object.keys(BENCHES).join(',')}] [--skip …] [--rounds N] [--warmup N] [--size name=N …] [--profile] [--out dir] [--merge earlier.json]\n`,
  );
  process.exit(0);
}
const quick = values.quick;
let selected = (values.only ?? Object.keys(BENCHES).join(','))
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const skipped = new Set((values.skip ?? '').split(',').map((x) => x.trim()));
selected = selected.filter((n) => !skipped.has(n));
for (const name of selected)
  if (!(name in BENCHES))
    throw new Error(`--only: no benchmark "${name}" (have ${Object.keys(BENCHES).join(', ')})`);

let stackClose: () => Promise<void> = () => Promise.resolve();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    progress(`${signal}: stopping the processes this run started`);
    void stopAllChildren()
      .then(() => stackClose())
      .finally(() => process.exit(130));
  });

const stack = await openStack(values.backends ?? process.env.BENCH_BACKENDS, process.env, quick);
stackClose = stack.close;
const tokens = await devTokens(stack.stateDir);
const started = new Date();
const runId = started.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
const logDir = join(stack.stateDir, 'bench', runId);
const portBase = Number(process.env.BENCH_PORT_BASE ?? 4300);
const warmup = values.warmup !== undefined ? Number(values.warmup) : quick ? 0 : 1;
const rounds = values.rounds !== undefined ? Number(values.rounds) : quick ? 1 : 3;
progress(
  `run ${runId} (${THIS_RUN}): ${quick ? 'quick (each once)' : `${rounds} rounds after ${warmup} warm-up`}; backends ${stack.backends.map((b) => b.name).join(', ')}; benchmarks ${selected.join(', ')}; logs in ${logDir}`,
);

const sizes = withSizes(quick ? QUICK : FULL, values.size ?? []);
const figures: Figure[] = [];
/** A path the caller typed, from where they typed it: `pnpm bench` runs this in bench/ (INIT_CWD is theirs). */
function fromCaller(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
// `--merge earlier.json`: this run re-measures some benchmarks of an earlier report (say, after a
// fix) and writes one report with the earlier run's other figures carried over, and named so.
const earlier =
  values.merge === undefined
    ? undefined
    : (JSON.parse(readFileSync(fromCaller(values.merge), 'utf8')) as EarlierReport);
/** Written after every benchmark too, so an interrupted run keeps what it measured. */
const report = () => {
  const merged = earlier
    ? mergeEarlier(
        earlier,
        { benches: measuredBy(selected), backends: new Set(stack.backends.map((b) => b.name)) },
        { figures, profiles, failures },
      )
    : undefined;
  return writeReport({
    dir:
      values.out === undefined ? join(stack.repoRoot, 'bench', 'results') : fromCaller(values.out),
    started,
    seconds: elapsedSeconds(),
    quick,
    rounds,
    warmup,
    cores: cpus().length,
    figures: merged?.figures ?? figures,
    profiles: merged?.profiles ?? profiles,
    failures: merged?.failures ?? failures,
    ...(earlier && merged
      ? { mergedFrom: [{ started: earlier.started, benches: merged.kept }] }
      : {}),
  });
};
const profiles: ProfileReport[] = [];
const failures: string[] = [];
// Benchmarks that need no service run first, so idle services' relays and reconcilers don't load the database under them.
const NO_SERVICES = new Set(['relay-scale', 'relay']);
const ordered = [
  ...selected.filter((n) => NO_SERVICES.has(n)),
  ...selected.filter((n) => !NO_SERVICES.has(n)),
];
try {
  for (const backend of stack.backends) {
    // This run's databases are its own (ADR 041); a dead run's leftovers go too.
    const cleared = await dropRunDatabases(backend);
    if (cleared.length > 0)
      progress(`${backend.name}: dropped ${cleared.length} databases of finished runs`);
    let sys: Promise<System> | undefined;
    let generation = 0;
    const startGeneration = () =>
      startSystem({ stack, backend, tokens, runId, portBase, logDir, generation });
    const bare = bareServer(stack, backend, portBase + 9, logDir);
    const ctx: BenchContext = {
      stack,
      backend,
      system: () => (sys ??= startGeneration()),
      freshSystem: async () => {
        const old = sys;
        sys = undefined;
        if (old) await old.then((s) => s.stop({ drop: true })).catch(() => undefined);
        generation += 1;
        sys = startGeneration();
        return sys;
      },
      tokens,
      sizes,
      quick,
      warmup,
      rounds,
      portBase,
      logDir,
      bare: bare.get,
    };
    try {
      // Beyond the first backend only the burst runs, unless --only names more: SQLite's scans make
      // the rest slow to take and the burst is the comparison the issue asks for.
      const here =
        backend === stack.backends[0] || values.only !== undefined
          ? ordered
          : ordered.filter((n) => n === 'burst');
      for (const name of here) {
        const run = BENCHES[name];
        if (run === undefined) continue;
        progress(`${backend.name}: ${name}`);
        try {
          figures.push(...(await run(ctx)));
          await report();
        } catch (err) {
          const msg = `${backend.name} ${name} failed: ${err instanceof Error ? err.message : String(err)}`;
          progress(msg);
          failures.push(msg);
          await report();
        }
      }
    } finally {
      await bare.stop();
      // A system that failed to start has already stopped what it started (startSystem).
      if (sys) await sys.then((s) => s.stop()).catch(() => undefined);
    }
    // Once: on the first backend, the stack's own.
    if (values.profile && backend === stack.backends[0]) {
      const p = await profileWorst(
        { stack, backend, tokens, runId, portBase, logDir, quick },
        figures,
      );
      if (p) profiles.push(p);
    }
  }
} finally {
  // What this run made on the shared servers goes with it; a run killed before here is cleared by the next.
  const kafka = createKafka({ brokers: stack.kafkaBrokers.split(','), clientId: 'bench-cleanup' });
  for (const backend of stack.backends)
    await dropRunDatabases(backend).catch((err: unknown) => {
      progress(`${backend.name}: databases of run ${THIS_RUN} not dropped: ${String(err)}`);
    });
  await deleteRunTopics(kafka).catch((err: unknown) => {
    progress(`topics of run ${THIS_RUN} not deleted: ${String(err)}`);
  });
  await stack.close();
}

const files = await report();
progress(`done in ${Math.round(elapsedSeconds())} s; report ${files.md}`);
process.exit(failures.length > 0 ? 1 : 0);
