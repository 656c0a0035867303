// The delivery worker: one loop per process that claims due deliveries, sends them and records the outcome.
//
// The loop never overlaps itself (one pass at a time; a wake-up during a pass just makes the
// next pass start at once). Across processes, each delivery is claimed by a conditional update
// (DeliveryRepository.claim): every replica works, and none sends what another holds. A
// replica that dies holding claims stops renewing nothing — its lease simply lapses and the
// deliveries are due again; that is the one case where an email may go twice (it was handed to
// SMTP and the process died before recording it), and it keeps the same Message-ID.
import type { Logger } from 'pino';
import type { DeliveryDoc } from './delivery.model.ts';
import type { DeliveryRepository, Outcome } from './delivery.repository.ts';

export interface DispatcherOptions {
  store: DeliveryRepository;
  send: (doc: DeliveryDoc) => Promise<Outcome>;
  log: Logger;
  now: () => Date;
  pollMs: number;
  /** Deliveries claimed per pass. */
  batchSize?: number;
  /** Emails in flight at once (the SMTP pool's size). */
  concurrency: number;
  /** How long a claim holds: longer than one send with all its timeouts. */
  leaseMs?: number;
}

export class Dispatcher {
  private stopped = true;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private woken = false;

  constructor(private readonly opts: DispatcherOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loopDone = this.loop();
  }

  /** Look for due work now (after new deliveries were planned). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Finishes the pass in hand (emails in flight are recorded), then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loopDone;
  }

  /** One pass: claim up to a batch and send it. Returns how many were claimed. */
  async pass(): Promise<number> {
    const { store, now } = this.opts;
    const batch = this.opts.batchSize ?? 50;
    const ids = await store.dueIds(now(), batch);
    const claimed = await store.claim(ids, now(), this.opts.leaseMs ?? 60_000);
    const results: { doc: DeliveryDoc; outcome: Outcome }[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let doc = claimed[next++]; doc !== undefined; doc = claimed[next++]) {
        results.push({ doc, outcome: await this.opts.send(doc) });
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this.opts.concurrency, claimed.length) }, worker),
    );
    await store.complete(results);
    for (const { doc, outcome } of results) {
      // Ids, template and status only: nothing of the email itself reaches the log.
      const entry = {
        deliveryId: doc._id,
        template: doc.template,
        attempt: doc.attempts,
        status: outcome.status,
      };
      if (outcome.status === 'sent' || outcome.status === 'cancelled')
        this.opts.log.debug(entry, 'delivery');
      else this.opts.log.warn({ ...entry, code: outcome.code }, 'delivery failed');
    }
    return ids.length;
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  private wasWoken(): boolean {
    return this.woken;
  }

  private async loop(): Promise<void> {
    const batch = this.opts.batchSize ?? 50;
    while (!this.stopped) {
      this.woken = false;
      let found = 0;
      try {
        found = await this.pass();
      } catch (err) {
        this.opts.log.error({ err }, 'dispatcher pass failed; will retry');
      }
      // Read through a method: stop() and wake() change these while the pass awaited.
      if (this.isStopped()) break;
      if (found >= batch || this.wasWoken()) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.opts.pollMs);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wakeUp = done;
      });
      this.wakeUp = null;
    }
  }
}
