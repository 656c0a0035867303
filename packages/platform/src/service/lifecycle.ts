// The running parts of a service in start order: closed in exactly the reverse order, each step logged; background work tracked for /readyz.
import type { Logger } from 'pino';
import type { StartupStatus } from '../http/health.ts';
import type { OutboxRelay } from '../messaging/relay.ts';
import type { BackgroundTask } from './define-service.ts';

interface Step {
  name: string;
  close: () => unknown;
}

interface Running {
  task: BackgroundTask;
  done: Promise<void>;
  finished: boolean;
}

export class Lifecycle {
  private readonly steps: Step[] = [];
  private readonly background: Running[] = [];
  private readonly abort = new AbortController();
  private closing: Promise<void> | undefined;
  private closeStartedAt = 0;

  constructor(private readonly log: Logger) {}

  /** For /readyz: the background tasks still running. */
  readonly startup: StartupStatus = {
    pending: () =>
      this.background
        .filter((r) => !r.finished)
        .map((r) => ({ name: r.task.name, blocksReadiness: r.task.blocksReadiness ?? true })),
  };

  /** Registers what closes `name`; steps close in the reverse order of registration. */
  onClose(name: string, close: () => unknown): void {
    this.steps.push({ name, close });
  }

  runBackground(tasks: readonly BackgroundTask[]): void {
    for (const task of tasks) {
      const running: Running = { task, done: Promise.resolve(), finished: false };
      const started = performance.now();
      running.done = (async () => {
        try {
          const result = await task.run(this.abort.signal);
          this.log.info(
            { task: task.name, result, durationMs: Math.round(performance.now() - started) },
            'background task finished',
          );
        } catch (err) {
          if (this.abort.signal.aborted) {
            this.log.info({ task: task.name }, 'background task stopped by shutdown');
          } else {
            this.log.error({ err, task: task.name }, 'background task failed');
          }
        } finally {
          running.finished = true;
        }
      })();
      this.background.push(running);
    }
  }

  /**
   * Publishes what is pending until `sinceCloseMs` after closing began (a broker outage must not
   * hold shutdown), then stops the relay.
   */
  async flushRelay(relay: OutboxRelay, sinceCloseMs: number): Promise<void> {
    const started = performance.now();
    const ms = Math.max(0, this.closeStartedAt + sinceCloseMs - started);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timeout');
      }, ms);
    });
    try {
      const outcome = await Promise.race([relay.drain(), timeout]);
      if (outcome === 'timeout') {
        this.log.warn({ step: 'relay', ms }, 'relay flush timed out; events stay in the outbox');
      } else {
        const durationMs = Math.round(performance.now() - started);
        this.log.info({ step: 'relay', published: outcome, durationMs }, 'relay flushed');
      }
    } catch (err) {
      this.log.warn({ err, step: 'relay' }, 'relay flush failed; events stay in the outbox');
    } finally {
      clearTimeout(timer);
    }
    await relay.stop();
  }

  /** Idempotent: background tasks abort and finish, then every step closes in reverse. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closeStartedAt = performance.now();
      this.abort.abort();
      const waiting = this.background.filter((r) => !r.finished);
      if (waiting.length > 0) {
        await Promise.all(waiting.map((r) => r.done));
        this.log.info({ step: 'background', tasks: waiting.map((r) => r.task.name) }, 'closed');
      }
      for (const step of [...this.steps].reverse()) {
        try {
          await step.close();
          this.log.info({ step: step.name }, 'closed');
        } catch (err) {
          // Keep closing the rest: one stuck resource must not keep the others open.
          this.log.error({ err, step: step.name }, 'close step failed');
        }
      }
    })();
    return this.closing;
  }
}
