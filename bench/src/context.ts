// What every benchmark gets: the stack, Lianxin on one backend, tokens, sizes and round counts.
import { startChild, type RunningChild } from './lib/services.ts';
import type { Backend, Stack } from './lib/stack.ts';
import type { System } from './lib/system.ts';
import type { Tokens } from './lib/tokens.ts';

export interface Sizes {
  burstRequests: number;
  burstCapacity: number;
  burstQuota: number;
  relayAggregates: number;
  relayEventsPerAggregate: number;
  e2eRate: number;
  e2eSeconds: number;
  emails: number;
  readRegistrations: number;
  readRequests: number;
  scaleAggregates: number;
  idleSeconds: number;
  /** How long relay-scale waits at most for the database to fall quiet before its idle window. */
  settleSeconds: number;
  /** Registrations of the session the cancel benchmark cancels. */
  cancelRegistrations: number;
}

export const FULL: Sizes = {
  burstRequests: 1000,
  burstCapacity: 100,
  burstQuota: 10,
  relayAggregates: 1000,
  relayEventsPerAggregate: 20,
  e2eRate: 200,
  e2eSeconds: 10,
  emails: 1000,
  readRegistrations: 10_000,
  // 200 × 3 reads × 2 sides × 4 rounds: at the ~10–20 req/s FerretDB manages, ~15 minutes already.
  readRequests: 200,
  scaleAggregates: 50_000,
  idleSeconds: 5,
  settleSeconds: 60,
  cancelRegistrations: 1000,
};

/**
 * `--quick`: each benchmark once, on data small enough that the whole run stays under two minutes
 * on a quiet 2-core machine — a smoke run of every path, not figures to compare with FULL ones.
 */
export const QUICK: Sizes = {
  ...FULL,
  burstRequests: 120,
  burstCapacity: 12,
  burstQuota: 2,
  relayAggregates: 50,
  e2eSeconds: 2,
  emails: 60,
  readRegistrations: 200,
  readRequests: 40,
  scaleAggregates: 2000,
  idleSeconds: 2,
  settleSeconds: 5,
  cancelRegistrations: 100,
};

/**
 * `--size readRegistrations=2000`: one size changed for a run (to try a benchmark on smaller or
 * larger data); the report's notes name the sizes they were measured at.
 */
export function withSizes(base: Sizes, overrides: readonly string[]): Sizes {
  const out: Sizes = { ...base };
  for (const o of overrides) {
    const m = /^(\w+)=(\d+)$/.exec(o);
    const key = m?.[1];
    if (m === null || key === undefined || !(key in base))
      throw new Error(`--size ${o}: want name=N, name one of ${Object.keys(base).join(', ')}`);
    (out as unknown as Record<string, number>)[key] = Number(m[2]);
  }
  return out;
}

export interface BenchContext {
  stack: Stack;
  backend: Backend;
  /** Lianxin's services on this backend, started on first use (some benchmarks need none). */
  system: () => Promise<System>;
  /**
   * Stops the running system (dropping its databases) and starts one on new, empty databases;
   * `system()` returns it from then on.
   */
  freshSystem: () => Promise<System>;
  tokens: Tokens;
  sizes: Sizes;
  quick: boolean;
  warmup: number;
  rounds: number;
  portBase: number;
  logDir: string;
  /** The bare Fastify ceiling server on this backend, started on first use. */
  bare: () => Promise<RunningChild>;
}

export function bareServer(
  stack: Stack,
  backend: Backend,
  port: number,
  logDir: string,
): { get: () => Promise<RunningChild>; stop: () => Promise<void> } {
  let running: Promise<RunningChild> | undefined;
  return {
    get: () => {
      running ??= startChild(stack.repoRoot, logDir, {
        name: `${backend.name}-ceiling`,
        script: 'bench/src/ceilings/bare-server.ts',
        port,
        // The same pool size as the services' default (MONGO_POOL_SIZE).
        env: { MONGO_URL: backend.mongoUrl, MONGO_POOL_SIZE: '10' },
      });
      return running;
    },
    stop: async () => {
      if (running) await (await running).stop();
      running = undefined;
    },
  };
}
