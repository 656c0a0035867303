// The periodic job against the real database: never two passes at once, in one process or across replicas.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { testEnv } from '@lianxin/testing';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb } from '../db/index.ts';
import { JobLease } from './lease.ts';
import { PeriodicJob, type JobOutcome, type PeriodicJobOptions } from './periodic-job.ts';

const env = testEnv(import.meta.url);
const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
const script = fileURLToPath(new URL('./job-process.fixture.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let connA: Connection;
let connB: Connection;
const jobs: PeriodicJob[] = [];
beforeAll(async () => {
  // Two connections: each "replica" talks to the database on its own, as two processes would.
  connA = await connectDb({ url: env.dbUrl });
  connB = await connectDb({ url: env.dbUrl });
});
afterAll(async () => {
  await Promise.all(jobs.map((j) => j.stop()));
  await connA.dropDatabase();
  await Promise.all([connA.close(), connB.close()]);
});

function job(conn: Connection, opts: Omit<PeriodicJobOptions, 'connection' | 'log'>): PeriodicJob {
  const j = new PeriodicJob({ connection: conn, log, ...opts });
  jobs.push(j);
  return j;
}

/** Counts passes in flight across every job that shares it; remembers the most ever seen at once. */
function overlapProbe() {
  let active = 0;
  const probe = {
    max: 0,
    passes: [] as { by: string; start: number; end: number }[],
    pass: (by: string, ms: () => number) => async () => {
      active += 1;
      probe.max = Math.max(probe.max, active);
      const start = Date.now();
      await sleep(ms());
      probe.passes.push({ by, start, end: Date.now() });
      active -= 1;
    },
  };
  return probe;
}

describe('periodic job', () => {
  it('when two replicas tick over the same job for many ticks, then their passes never run at once and both take turns', async () => {
    const name = `two-replicas-${env.id}`;
    const probe = overlapProbe();
    const a = job(connA, {
      name,
      intervalMs: 15,
      run: probe.pass('a', () => 5 + Math.random() * 25),
    });
    const b = job(connB, {
      name,
      intervalMs: 15,
      run: probe.pass('b', () => 5 + Math.random() * 25),
    });
    a.start();
    b.start();
    await sleep(4_000);
    await Promise.all([a.stop(), b.stop()]);

    expect(probe.max).toBe(1);
    const byA = probe.passes.filter((p) => p.by === 'a').length;
    const byB = probe.passes.filter((p) => p.by === 'b').length;
    expect(byA + byB).toBeGreaterThan(30);
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
    // The lease, not luck, kept them apart: each replica found the other's lease held.
    expect(a.status().skippedLeased + b.status().skippedLeased).toBeGreaterThan(10);
    // And on the clock: sorted by start, each pass starts after the previous one ended.
    const sorted = [...probe.passes].sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i += 1) {
      expect(sorted[i]?.start ?? 0).toBeGreaterThanOrEqual(sorted[i - 1]?.end ?? 0);
    }
  });

  it('when a pass is slower than the interval, then the ticks meanwhile are skipped, not queued', async () => {
    const probe = overlapProbe();
    const slow = job(connA, {
      name: `slow-${env.id}`,
      intervalMs: 20,
      run: probe.pass('slow', () => 300),
    });
    slow.start();
    await sleep(1_600);
    await slow.stop();

    expect(probe.max).toBe(1);
    const status = slow.status();
    expect(status.skippedRunning).toBeGreaterThan(30);
    // Skipped ticks left no backlog: passes follow one another, about one per 300 ms.
    expect(probe.passes.length).toBeGreaterThanOrEqual(3);
    expect(probe.passes.length).toBeLessThanOrEqual(6);
    expect(status.passes).toBe(probe.passes.length);
  });

  it('when a pass outlasts the lease, then it renews it and the other replica never starts meanwhile', async () => {
    const name = `renew-${env.id}`;
    const probe = overlapProbe();
    const long = job(connA, {
      name,
      intervalMs: 60_000,
      leaseMs: 300,
      run: probe.pass('long', () => 1_500),
    });
    const other = job(connB, {
      name,
      intervalMs: 50,
      leaseMs: 300,
      run: probe.pass('other', () => 10),
    });
    const first = long.tick();
    await sleep(50);
    other.start();
    expect(await first).toBe('ran');
    await other.stop();

    expect(probe.max).toBe(1);
    const longPass = probe.passes.find((p) => p.by === 'long');
    const during = probe.passes.filter(
      (p) => p.by === 'other' && longPass !== undefined && p.start < longPass.end,
    );
    expect(during).toEqual([]);
    expect(other.status().skippedLeased).toBeGreaterThan(10);
  });

  it('when the lease holder is killed mid-pass, then its lease expires and another replica takes over', async () => {
    const name = `crash-${env.id}`;
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: repoRoot,
      env: { ...process.env, DB_URL: env.dbUrl, JOB_NAME: name, LEASE_MS: '2000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('job process did not start its pass'));
      }, 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === 'RUNNING') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const left = await new JobLease(connA, name, 'reader', 1).read();
    expect(left?.owner).toBe('crashing-replica');
    const expiresAt = left?.until.getTime() ?? 0;

    let ranAt = 0;
    const survivor = job(connA, {
      name,
      intervalMs: 100,
      run: () => {
        ranAt ||= Date.now();
        return Promise.resolve();
      },
    });
    const outcomes: JobOutcome[] = [];
    const deadline = Date.now() + 10_000;
    while (ranAt === 0 && Date.now() < deadline) {
      outcomes.push(await survivor.tick());
      await sleep(100);
    }
    expect(ranAt).toBeGreaterThanOrEqual(expiresAt);
    expect(outcomes[0]).toBe('skipped-leased');
    expect(outcomes.at(-1)).toBe('ran');
    const after = await new JobLease(connA, name, 'reader', 1).read();
    expect(after).toMatchObject({ owner: null, lastOwner: survivor.owner });
  });

  it('when stop is called during a pass, then it waits for the pass, which sees the abort, and releases the lease', async () => {
    const name = `stop-${env.id}`;
    let finished = false;
    let sawAbort = false;
    const j = job(connA, {
      name,
      intervalMs: 60_000,
      run: async ({ signal }) => {
        for (let i = 0; i < 20 && !signal.aborted; i += 1) await sleep(50);
        sawAbort = signal.aborted;
        await sleep(200); // finishing the item in hand
        finished = true;
      },
    });
    j.start();
    await sleep(150);
    expect(j.status().running).toBe(true);
    await j.stop();
    expect(finished).toBe(true);
    expect(sawAbort).toBe(true);
    expect(j.status().running).toBe(false);
    expect(await j.tick()).toBe('stopped');
    expect((await new JobLease(connA, name, 'reader', 1).read())?.owner).toBeNull();
  });

  it('when a pass throws, then the job logs it, releases the lease and runs again at the next tick', async () => {
    const name = `fail-${env.id}`;
    let calls = 0;
    const j = job(connA, {
      name,
      intervalMs: 60_000,
      run: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve();
      },
    });
    expect(await j.tick()).toBe('failed');
    expect((await new JobLease(connA, name, 'reader', 1).read())?.owner).toBeNull();
    expect(await j.tick()).toBe('ran');
    expect(j.status()).toMatchObject({ passes: 2, failures: 1, succeededOnce: true });
  });

  it('when passes end while a renewal is in flight, then no lease is reported lost and each release is the last write', async () => {
    const name = `renew-at-end-${env.id}`;
    const warnings: string[] = [];
    // A logger that keeps every warning: a renewal landing after the release used to read the
    // released lease as "lost to another replica".
    const seen = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const j = new PeriodicJob({
      connection: connA,
      log: seen,
      name,
      intervalMs: 60_000,
      leaseMs: 60,
      renewMs: 5,
      run: () => sleep(8 + Math.random() * 20),
    });
    jobs.push(j);
    for (let i = 0; i < 60; i++) expect(await j.tick()).toBe('ran');
    // Give any renewal still on its way the time to land.
    await sleep(200);
    expect(warnings).toEqual([]);
    expect((await new JobLease(connA, name, 'reader', 1).read())?.owner).toBeNull();
  });
});
