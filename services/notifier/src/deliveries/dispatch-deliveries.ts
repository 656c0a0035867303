// The delivery worker: a loop per process that claims due deliveries, sends them and records the outcome.
//
// The loop (the platform's WorkLoop) never overlaps itself: one pass at a time; a wake-up during
// a pass just makes the next pass start soon. Across processes, each delivery is claimed under a
// unique claim id (DeliveryRepository.claim): every replica works, and none sends what another
// holds. A replica that dies holding claims leaves their leases to lapse, and the deliveries are
// due again; that is the one case where an email may go twice (it was handed to SMTP and the
// process died before recording it), and it keeps the same Message-ID.
import { WorkLoop } from '@lianxin/platform/jobs';
import type { Logger } from 'pino';
import type { DeliveryDoc } from './delivery.model.ts';
import type { DeliveryRepository, Outcome } from './delivery.repository.ts';

export interface DispatcherOptions {
  store: DeliveryRepository;
  send: (doc: DeliveryDoc) => Promise<Outcome>;
  log: Logger;
  now: () => Date;
  pollMs: number;
  /** Longest wait while passes find nothing due (the WorkLoop's back-off). Default `pollMs`. */
  idlePollMs?: number;
  /** Deliveries claimed per pass (one round trip for the claims, one for their updates). */
  batchSize: number;
  /** Emails in flight at once (the SMTP pool's size). */
  concurrency: number;
  /** How long a claim holds: longer than one batch's sends with all their timeouts. */
  leaseMs?: number;
  /** This dispatcher's name in claims and in `sentBy`. */
  workerId: string;
  /** After a wake-up, wait this long so the deliveries planned meanwhile go in one claim. Default 100 ms. */
  coalesceMs?: number;
}

/** Where a pass spends its time (milliseconds summed over passes), for measurements. */
export interface DispatchStats {
  passes: number;
  claimed: number;
  findMs: number;
  claimMs: number;
  sendMs: number;
  completeMs: number;
}

export class Dispatcher {
  readonly stats: DispatchStats = {
    passes: 0,
    claimed: 0,
    findMs: 0,
    claimMs: 0,
    sendMs: 0,
    completeMs: 0,
  };
  private readonly loop: WorkLoop;

  constructor(private readonly opts: DispatcherOptions) {
    this.loop = new WorkLoop({
      name: 'dispatcher',
      log: opts.log,
      pollMs: opts.pollMs,
      ...(opts.idlePollMs === undefined ? {} : { idlePollMs: opts.idlePollMs }),
      coalesceMs: opts.coalesceMs ?? 100,
      // A full batch means more may be due: go again at once; none due: back off.
      pass: async () => {
        const due = await this.pass();
        return due >= opts.batchSize ? true : due === 0 ? 'idle' : false;
      },
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Look for due work now (after new deliveries were planned). */
  wake(): void {
    this.loop.wake();
  }

  /** Finishes the pass in hand (emails in flight are recorded), then stops. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: claim up to a batch and send it. Returns how many were due. */
  async pass(): Promise<number> {
    const { store, now } = this.opts;
    const stats = this.stats;
    const t0 = performance.now();
    const due = await store.due(now(), this.opts.batchSize);
    const t1 = performance.now();
    const claimed = await store.claim(due, now(), this.opts.leaseMs ?? 120_000, this.opts.workerId);
    const t2 = performance.now();
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
    const t3 = performance.now();
    await store.complete(results);
    const t4 = performance.now();
    stats.passes += 1;
    stats.claimed += claimed.length;
    stats.findMs += t1 - t0;
    stats.claimMs += t2 - t1;
    stats.sendMs += t3 - t2;
    stats.completeMs += t4 - t3;
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
}
