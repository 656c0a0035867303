// A worker loop that never overlaps itself: one pass at a time, again at once while there is more work, else after a poll or a wake().
//
// For work every replica shares out among itself (each item claimed by one process, as the
// notifier's deliveries are), where a PeriodicJob's single lease holder would idle the others.
// Within a process the loop is the only caller of `pass`, so passes never overlap; a wake() during
// a pass makes the next pass start right after it instead of after `pollMs`.
import type { Logger } from 'pino';

export interface WorkLoopOptions {
  /** For the log. */
  name: string;
  /** One pass; resolves `true` when it stopped short of the work there is (a full batch): go again at once. */
  pass: () => Promise<boolean>;
  log: Logger;
  /** Longest wait between passes when nothing wakes the loop. */
  pollMs: number;
  /** After a wake-up, wait this long first so work arriving meanwhile goes in one pass. Default 0. */
  coalesceMs?: number;
  /** Wait after a failed pass, doubling up to 30 s while passes keep failing. Default `pollMs`. */
  failureBackoffMs?: number;
}

export class WorkLoop {
  private stopped = true;
  private done: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private passes = 0;
  private failures = 0;

  constructor(private readonly opts: WorkLoopOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.done = this.run();
  }

  /** Look for work now. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Finishes the pass in hand, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.done;
  }

  status(): { name: string; running: boolean; passes: number; failures: number } {
    return {
      name: this.opts.name,
      running: !this.stopped,
      passes: this.passes,
      failures: this.failures,
    };
  }

  /** Read through a method: stop() and wake() change these while a pass awaits. */
  private isStopped(): boolean {
    return this.stopped;
  }

  private wasWoken(): boolean {
    return this.woken;
  }

  private async run(): Promise<void> {
    let failing = 0;
    while (!this.isStopped()) {
      this.woken = false;
      let more = false;
      try {
        more = await this.opts.pass();
        failing = 0;
      } catch (err) {
        this.failures += 1;
        failing = failing === 0 ? (this.opts.failureBackoffMs ?? this.opts.pollMs) : failing * 2;
        failing = Math.min(failing, 30_000);
        this.opts.log.error({ err, loop: this.opts.name, retryInMs: failing }, 'pass failed');
      }
      this.passes += 1;
      if (this.isStopped()) break;
      if (failing > 0) {
        await this.sleep(failing, true);
        continue;
      }
      if (more) continue;
      if (!this.wasWoken()) await this.sleep(this.opts.pollMs, false);
      const coalesce = this.opts.coalesceMs ?? 0;
      if (coalesce > 0 && !this.isStopped()) await this.sleep(coalesce, true);
    }
  }

  /** Until `ms` pass, or wake()/stop() is called (only stop() when `ignoreWake`). */
  private sleep(ms: number, ignoreWake: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeUp = () => {
        if (!ignoreWake || this.stopped) finish();
      };
    });
  }
}
