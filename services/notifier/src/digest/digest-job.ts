// Checks every so often whether a weekly digest is due; the next check is armed only after the last one ended.
import type { Logger } from 'pino';

/**
 * Never overlaps itself in a process: the next timer is set when a pass ends. Across replicas
 * it may run at once, which is harmless: the pass only inserts deliveries under unique keys.
 */
export function digestJob(run: () => Promise<{ week: string; planned: number }>, everyMs: number, log: Logger) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();

  const tick = (): void => {
    inFlight = run()
      .then((r) => {
        if (r.planned > 0) log.info(r, 'weekly digest planned');
      })
      .catch((err: unknown) => {
        log.error({ err }, 'weekly digest check failed; will retry');
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };

  return {
    start(): void {
      tick();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
