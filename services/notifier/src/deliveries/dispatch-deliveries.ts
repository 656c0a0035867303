// The delivery worker: one loop per process that claims due deliveries, sends them and records the outcome.
//
// The loop never overlaps itself (one pass at a time; a wake-up during a pass just makes the
// next pass start soon). Across processes, each delivery is claimed under a unique claim id
// (DeliveryRepository.claim): every replica works, and none sends what another holds. A
// replica that dies holding claims leaves their leases to lapse, and the deliveries are due
// again; that is the one case where an email may go twice (it was handed to SMTP and the
// process died before recording it), and it keeps the same Message-ID.
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
  /** This dispatcher's name in claims and in `sentBy`. */
  workerId?: string;
  /** After a wake-up, wait this long so the deliveries planned meanwhile go in one claim. Default 250 ms. */
  coalesceMs?: number;
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
    const batch = this.opts.batchSize ?? 200;
    const due = await store.due(now(), batch);
    const claimed = await store.claim(due, now(), this.opts.leaseMs ?? 60_000, this.opts.workerId);
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
    return due.length;
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  private wasWoken(): boolean {
    return this.woken;
  }

  private async loop(): Promise<void> {
    const batch = this.opts.batchSize ?? 200;
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
      if (found >= batch) continue;
      if (!this.wasWoken()) await this.sleepUntilWoken();
      // Every planned event wakes the loop: a short pause turns a burst into a few large claims
      // (each claim is one serialised database write) instead of one claim per email.
      await new Promise((r) => setTimeout(r, this.opts.coalesceMs ?? 250));
    }
  }

  /** Until the poll interval passes or wake()/stop() is called. */
  private async sleepUntilWoken(): Promise<void> {
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
