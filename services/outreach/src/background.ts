// The service's background work: the reconcile and session-cancellation jobs and the demo load, started after
// listen, each reported to /readyz until its first pass is done.
import { PeriodicJob } from '@lianxin/platform/jobs';
import type { ReadinessProbe } from '@lianxin/platform/http';
import type { Connection } from 'mongoose';
import type { OutreachConfig } from './config.ts';
import { loadDemo } from './demo/load-demo.ts';
import { reconcile } from './registrations/reconcile.ts';
import { finishSessionCancellations } from './registrations/session-cancellations.ts';
import type { Deps } from './shared/deps.ts';

export interface BackgroundWork {
  start(): void;
  stop(): Promise<void>;
  /** Starts a session-cancellations pass now (skipped if one is running: it loops until nothing is left). */
  kickSessionCancellations(): void;
  /** One probe per piece of start-up work, down until it has finished once. */
  readiness: Record<string, ReadinessProbe>;
}

const pending = (what: string) => () => Promise.reject(new Error(`${what} still pending`));

export function backgroundWork(
  deps: Deps,
  conn: Connection,
  config: Pick<
    OutreachConfig,
    'RECONCILE_INTERVAL_MS' | 'SESSION_CANCEL_INTERVAL_MS' | 'LOAD_DEMO'
  >,
  /** One-off start-up work besides the demo (e.g. joining a consumer group: a dead member's seat lapses first). */
  tasks: Record<string, () => Promise<unknown>> = {},
  /** Nothing starts before this (the collections and indexes). */
  after: Promise<unknown> = Promise.resolve(),
): BackgroundWork {
  const { log } = deps;
  // Finish what a crash interrupted (ADR 006), one pass at a time across every replica (ADR 009).
  const reconciler = new PeriodicJob({
    name: 'outreach.reconcile',
    connection: conn,
    intervalMs: config.RECONCILE_INTERVAL_MS,
    log,
    run: async ({ signal }) => {
      const report = await reconcile(deps, { signal });
      if (report.settled + report.released + report.promoted > 0)
        log.info({ report }, 'reconciled');
    },
  });
  // Cancelled sessions' registrations, in batches, resumable (ADR 010).
  const cancellations = new PeriodicJob({
    name: 'outreach.session-cancellations',
    connection: conn,
    intervalMs: config.SESSION_CANCEL_INTERVAL_MS,
    log,
    run: async ({ signal }) => {
      const report = await finishSessionCancellations(deps, signal);
      if (report.cancelled > 0) log.info({ report }, 'session cancellations progressed');
    },
  });
  const all: Record<string, () => Promise<unknown>> = { ...tasks };
  if (config.LOAD_DEMO) all.demo = () => runDemo();
  const state = new Map<string, 'pending' | 'done' | 'failed'>(
    Object.keys(all).map((name) => [name, 'pending']),
  );
  const runs: Promise<void>[] = [];
  let stopped = false;

  const runDemo = async (): Promise<void> => {
    // The demo invites the partner banks, which arrive from lianxin.banks.v1: wait (bounded) for the
    // read model to hold them and their liaisons before scheduling the forum.
    const deadline = Date.now() + 60_000;
    const ready = async () =>
      (await deps.models.banks.countDocuments({ status: 'active' })) >= 12 &&
      (await deps.models.liaisons.countDocuments({ active: true })) >= 12;
    while (!(await ready()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    log.info({ demo: await loadDemo(deps) }, 'demo loaded');
  };

  return {
    start() {
      runs.push(
        after.then(() => {
          if (stopped) return;
          reconciler.start();
          cancellations.start();
          for (const [name, task] of Object.entries(all)) {
            runs.push(
              task().then(
                () => {
                  state.set(name, 'done');
                },
                (err: unknown) => {
                  state.set(name, 'failed');
                  log.error({ err, task: name }, 'start-up task failed');
                },
              ),
            );
          }
        }),
      );
    },
    async stop() {
      stopped = true;
      await Promise.all([reconciler.stop(), cancellations.stop(), ...runs]);
    },
    kickSessionCancellations() {
      void cancellations.tick();
    },
    readiness: {
      reconcile: () =>
        reconciler.status().succeededOnce
          ? Promise.resolve()
          : pending('the start-up reconcile pass')(),
      sessionCancellations: () =>
        cancellations.status().succeededOnce
          ? Promise.resolve()
          : pending('the start-up session-cancellations pass')(),
      ...Object.fromEntries(
        Object.keys(all).map((name) => [
          name,
          () =>
            state.get(name) === 'done'
              ? Promise.resolve()
              : pending(`${name} (${state.get(name) ?? 'pending'})`)(),
        ]),
      ),
    },
  };
}
