// Profiles the worst ratio once: the services re-run that benchmark with `--cpu-prof`; self time is summed by function and by package.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { burst } from './benches/burst.ts';
import { e2e } from './benches/e2e.ts';
import { reads } from './benches/reads.ts';
import { bareServer, FULL, QUICK, type BenchContext } from './context.ts';
import { ratioOf, type Figure } from './lib/figures.ts';
import { cpuSeconds, databaseProcesses } from './lib/proc.ts';
import { progress } from './lib/progress.ts';
import type { Backend, Stack } from './lib/stack.ts';
import { startSystem } from './lib/system.ts';
import { dropRunDatabases } from './lib/run-scope.ts';
import type { Tokens } from './lib/tokens.ts';

/** Benchmarks whose Lianxin side runs in the service processes (the others run in the bench process). */
const PROFILABLE: Record<string, (ctx: BenchContext) => Promise<Figure[]>> = { burst, e2e, reads };

export interface ProfileEntry {
  name: string;
  place: string;
  ms: number;
  share: number;
}

export interface ProfileReport {
  figure: string;
  backend: string;
  ratio: number;
  service: string;
  /** CPU seconds each process used during the profiled benchmark (services and database). */
  cpu: Record<string, number>;
  totalMs: number;
  byPlace: { name: string; ms: number; share: number }[];
  byFunction: ProfileEntry[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  /** Microseconds on the monotonic clock, the one process.hrtime reads. */
  startTime?: number;
  samples: number[];
  timeDeltas: number[];
}

/** A span of the monotonic clock in microseconds, to leave the process's start-up out. */
export interface Window {
  fromUs: number;
  toUs: number;
}

/** Where a script lives: a package of node_modules, a workspace folder, or Node itself. */
export function placeOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (core)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') === true ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url);
  }
  const ws = url.match(/\/(services\/[^/]+|packages\/[^/]+|infra)\/src\/(.*)$/);
  if (ws) return `${ws[1] ?? ''}/${(ws[2] ?? '').split('/')[0] ?? ''}`;
  return url;
}

export function summariseProfile(
  p: CpuProfile,
  window?: Window,
): Omit<ProfileReport, 'figure' | 'backend' | 'ratio' | 'service' | 'cpu'> {
  const selfUs = new Map<number, number>();
  let at = p.startTime ?? 0;
  p.samples.forEach((id, i) => {
    const delta = p.timeDeltas[i] ?? 0;
    at += delta;
    if (
      window !== undefined &&
      p.startTime !== undefined &&
      (at < window.fromUs || at > window.toUs)
    )
      return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const byFn = new Map<string, ProfileEntry>();
  const byPlace = new Map<string, number>();
  let totalUs = 0;
  for (const n of p.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    if (us === 0 || n.callFrame.functionName === '(idle)') continue;
    totalUs += us;
    const place = placeOf(n.callFrame.url, n.callFrame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const name = `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url === '' ? '' : `:${n.callFrame.lineNumber + 1}`}`;
    const key = `${name}|${place}`;
    const e = byFn.get(key) ?? { name, place, ms: 0, share: 0 };
    e.ms += us / 1000;
    byFn.set(key, e);
  }
  const total = totalUs / 1000;
  return {
    totalMs: total,
    byPlace: [...byPlace]
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / 1000 / total }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12),
    byFunction: [...byFn.values()]
      .map((e) => ({ ...e, share: e.ms / total }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 15),
  };
}

export interface ProfileOptions {
  stack: Stack;
  backend: Backend;
  tokens: Tokens;
  runId: string;
  portBase: number;
  logDir: string;
  quick: boolean;
}

export async function profileWorst(
  o: ProfileOptions,
  figures: Figure[],
): Promise<ProfileReport | undefined> {
  const candidates = figures
    .filter((f) => f.backend === o.backend.name && f.bench in PROFILABLE)
    .map((f) => ({ f, r: ratioOf(f) }))
    .filter((x): x is { f: Figure; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r);
  const worst = candidates[0];
  const run = worst === undefined ? undefined : PROFILABLE[worst.f.bench];
  if (worst === undefined || run === undefined) return undefined;
  const dir = join(o.logDir, `profile-${o.backend.name}`);
  await mkdir(dir, { recursive: true });
  progress(
    `${o.backend.name}: profiling "${worst.f.figure}" (ratio ${worst.r.toFixed(2)}) with --cpu-prof`,
  );
  await dropRunDatabases(o.backend);
  const sys = await startSystem({ ...o, profile: { services: ['banks', 'outreach'], dir } });
  const bare = bareServer(o.stack, o.backend, o.portBase + 9, o.logDir);
  const pids = new Map([
    [sys.banks.pid, 'banks'],
    [sys.outreach.pid, 'outreach'],
  ]);
  const port = Number(new URL(o.backend.mongoUrl).port || 27017);
  const procs: Record<string, number[]> = {
    banks: [sys.banks.pid],
    outreach: [sys.outreach.pid],
    database: databaseProcesses(port),
  };
  const cpu0 = Object.fromEntries(Object.entries(procs).map(([k, p]) => [k, cpuSeconds(p)]));
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  let toUs = fromUs;
  const cpu: Record<string, number> = {};
  try {
    await run({
      stack: o.stack,
      backend: o.backend,
      system: () => Promise.resolve(sys),
      // One profiled round on the profiled processes: no new generation.
      freshSystem: () => Promise.resolve(sys),
      tokens: o.tokens,
      sizes: o.quick ? QUICK : FULL,
      quick: o.quick,
      warmup: 0,
      rounds: 1,
      portBase: o.portBase,
      logDir: o.logDir,
      bare: bare.get,
    });
    toUs = Number(process.hrtime.bigint() / 1000n);
    for (const [k, p] of Object.entries(procs)) cpu[k] = cpuSeconds(p) - (cpu0[k] ?? 0);
    cpu.wall = (toUs - fromUs) / 1e6;
  } finally {
    await bare.stop();
    await sys.stop();
  }
  let best: ProfileReport | undefined;
  for (const file of await readdir(dir)) {
    if (!file.endsWith('.cpuprofile')) continue;
    const pid = Number(file.split('.')[3]);
    const service = pids.get(pid);
    if (service === undefined) continue;
    const summary = summariseProfile(
      JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile,
      { fromUs, toUs },
    );
    if (best === undefined || summary.totalMs > best.totalMs)
      best = {
        figure: worst.f.figure,
        backend: o.backend.name,
        ratio: worst.r,
        service,
        cpu,
        ...summary,
      };
  }
  return best;
}
