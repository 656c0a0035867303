// A periodic job that never overlaps itself: an in-process "running" flag, and a lease across replicas.
//
// Each tick (every `intervalMs`, and once at start):
// - if this process's last pass is still running, the tick is skipped — not queued;
// - else it claims the job's lease document (`job_leases`, `_id` = the job's name); if another
//   replica holds an unexpired lease, the tick is skipped;
// - else it runs one pass, renewing the lease every `renewMs` while the pass runs, and releases
//   the lease after it. A holder that crashes stops renewing; its lease expires after `leaseMs`
//   and the next replica to tick takes over.
// A pass gets an AbortSignal, aborted when the lease is lost (renewal found another owner) or
// when stop() is called: a long pass checks it between items and returns early. stop() waits for
// the pass in hand. Passes should still be idempotent: a lease bounds overlap, a crash can
// always interrupt a pass half-way.
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { JobLease } from './lease.ts';

export interface JobPass {
  /** Aborted when the lease was lost or the job is stopping: stop at the next safe point. */
  signal: AbortSignal;
}

export type JobOutcome = 'ran' | 'failed' | 'skipped-running' | 'skipped-leased' | 'stopped';

export interface PeriodicJobOptions {
  /** The lease's `_id`: every replica of the job uses the same name. */
  name: string;
  connection: Connection;
  intervalMs: number;
  run: (pass: JobPass) => Promise<unknown>;
  log: Logger;
  /** How long a claim holds without renewal; must exceed the longest event-loop stall. Default 30 s. */
  leaseMs?: number;
  /** How often a running pass renews its lease. Default a third of the lease. */
  renewMs?: number;
  /** Run the first pass right at start (in the background) instead of after one interval. Default true. */
  runAtStart?: boolean;
  /** This replica's name in the lease document. Default `<name>-<uuid>`. */
  owner?: string;
  now?: () => Date;
}

export interface JobStatus {
  name: string;
  running: boolean;
  /** Passes this process completed (ran to the end or failed). */
  passes: number;
  failures: number;
  skippedRunning: number;
  skippedLeased: number;
  lastOutcome: JobOutcome | null;
  lastFinishedAt: Date | null;
  /** True once this process finished a pass without an error. */
  succeededOnce: boolean;
}

export class PeriodicJob {
  readonly owner: string;
  private readonly lease: JobLease;
  private readonly renewMs: number;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<JobOutcome> | undefined;
  private abort: AbortController | undefined;
  private stopping = false;
  private readonly state: JobStatus;

  constructor(private readonly opts: PeriodicJobOptions) {
    this.owner = opts.owner ?? `${opts.name}-${randomUUID()}`;
    const leaseMs = opts.leaseMs ?? 30_000;
    this.renewMs = opts.renewMs ?? Math.max(10, Math.floor(leaseMs / 3));
    this.lease = new JobLease(opts.connection, opts.name, this.owner, leaseMs, opts.now);
    this.state = {
      name: opts.name,
      running: false,
      passes: 0,
      failures: 0,
      skippedRunning: 0,
      skippedLeased: 0,
      lastOutcome: null,
      lastFinishedAt: null,
      succeededOnce: false,
    };
  }

  start(): void {
    if (this.timer || this.stopping) return;
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs);
    if (this.opts.runAtStart ?? true) void this.tick();
  }

  /** One tick now: runs a pass unless one is running here or the lease is held elsewhere. */
  tick(): Promise<JobOutcome> {
    if (this.stopping) return Promise.resolve('stopped');
    if (this.current) {
      this.state.skippedRunning += 1;
      return Promise.resolve('skipped-running');
    }
    // Set synchronously, before any await: a tick arriving meanwhile sees it.
    const pass = this.pass().finally(() => {
      this.current = undefined;
    });
    this.current = pass;
    return pass;
  }

  /** Stops ticking, asks the running pass to stop early, and waits for it (and its lease release). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    this.abort?.abort(new Error(`job ${this.opts.name} stopping`));
    await this.current;
  }

  status(): JobStatus {
    return { ...this.state, running: this.current !== undefined };
  }

  private async pass(): Promise<JobOutcome> {
    const { log, name } = this.opts;
    let claimed: boolean;
    try {
      claimed = await this.lease.claim();
    } catch (err) {
      log.warn({ err, job: name }, 'job lease claim failed; next tick retries');
      return this.finish('failed');
    }
    if (!claimed) {
      this.state.skippedLeased += 1;
      this.state.lastOutcome = 'skipped-leased';
      return 'skipped-leased';
    }
    const abort = new AbortController();
    this.abort = abort;
    if (this.stopping) abort.abort(new Error(`job ${name} stopping`));
    // One renewal at a time: a renewal slower than `renewMs` (a loaded database) is not joined by
    // another; the next tick after it finishes renews again. The pass's end waits for one in
    // flight before releasing, so a renewal never lands after the release (and never reads the
    // released lease as lost to another replica).
    let renewal: Promise<void> | undefined;
    let finished = false;
    const renewer = setInterval(() => {
      if (renewal) return;
      renewal = this.lease
        .renew()
        .then(
          (held) => {
            if (!held && !finished && !abort.signal.aborted) {
              log.warn({ job: name }, 'job lease lost to another replica; stopping the pass');
              abort.abort(new Error(`job ${name} lost its lease`));
            }
          },
          (err: unknown) => {
            if (!finished) log.warn({ err, job: name }, 'job lease renewal failed');
          },
        )
        .finally(() => {
          renewal = undefined;
        });
    }, this.renewMs);
    let outcome: JobOutcome = 'ran';
    try {
      await this.opts.run({ signal: abort.signal });
    } catch (err) {
      outcome = 'failed';
      log.error({ err, job: name }, 'job pass failed; next tick retries');
    } finally {
      finished = true;
      clearInterval(renewer);
      this.abort = undefined;
      await renewal;
      await this.lease.release().catch((err: unknown) => {
        log.warn({ err, job: name }, 'job lease release failed; it expires by itself');
      });
    }
    return this.finish(outcome);
  }

  private finish(outcome: JobOutcome): JobOutcome {
    this.state.passes += 1;
    if (outcome === 'failed') this.state.failures += 1;
    else this.state.succeededOnce = true;
    this.state.lastOutcome = outcome;
    this.state.lastFinishedAt = new Date();
    return outcome;
  }
}
