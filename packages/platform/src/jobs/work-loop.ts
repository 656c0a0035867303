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
  /**
   * One pass; resolves `true` when it stopped short of the work there is (a full batch): go again
   * at once; `false` when it did what there was; `'idle'` when it found nothing to do.
   */
  pass: () => Promise<boolean | 'idle'>;
  log: Logger;
  /** Longest wait between passes when nothing wakes the loop. */
  pollMs: number;
  /**
   * While passes keep finding nothing, the wait doubles from `pollMs` up to this (a quiet process
   * stops polling its database every second); a wake() or a pass with work resets it. Default
   * `pollMs` (no back-off).
   */
  idlePollMs?: number;
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
    let wait = this.opts.pollMs;
    const longest = Math.max(this.opts.pollMs, this.opts.idlePollMs ?? this.opts.pollMs);
    while (!this.isStopped()) {
      const woken = this.woken;
      this.woken = false;
      let more = false;
      try {
        const result = await this.opts.pass();
        more = result === true;
        // Nothing found, and not because somebody said there was: wait longer next time.
        wait = result === 'idle' && !woken ? Math.min(longest, wait * 2) : this.opts.pollMs;
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
      if (!this.wasWoken()) await this.sleep(wait, false);
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
