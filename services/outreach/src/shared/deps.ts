// What the outreach use cases need — stores, clock, log, settings, its two periodic jobs — built from what the platform started.
import { FailureLimiter } from '@lianxin/platform/http';
import { PeriodicJob } from '@lianxin/platform/jobs';
import type { ServiceContext } from '@lianxin/platform/service';
import type { Logger } from 'pino';
import type { OutreachConfig } from '../config.ts';
import { finishSessionCancellations } from '../registrations/finish-session-cancellations.ts';
import { reconcileRegistrations } from '../registrations/reconcile-registrations.ts';
import { bankRepository, type BankRepository } from '../banks/bank.repository.ts';
import { OpinionRepository } from '../opinions/opinion.repository.ts';
import { BankRegistrationReads } from '../registrations/bank-registration.repository.ts';
import { RegistrationRepository } from '../registrations/registration.repository.ts';
import { seatLedger, type SeatLedger } from '../sessions/seat-ledger.ts';
import { SessionRepository } from '../sessions/session.repository.ts';
import { slotBooks, type SlotBooks } from '../sessions/slot-book.repository.ts';
import { collectionsReady, type Models } from './models.ts';

export interface Settings {
  /** Signs check-in tokens (the QR codes). */
  checkInSecret: string;
  /**
   * How long a `pending` registration belongs to its own request; after that the reconciler settles
   * it (its request died). A request older than a third of it writes its first transition guarded.
   */
  pendingGraceMs: number;
}

/** Guards of the public feedback route: wrong codes counted per session (ADR 035). */
export interface FeedbackGuard {
  session: FailureLimiter;
}

export interface Jobs {
  /** Finishes what a crash interrupted (ADR 006), one pass at a time across replicas (ADR 009). */
  reconcile: PeriodicJob;
  /** Cancels cancelled sessions' registrations in batches, resumable (ADR 010). */
  sessionCancellations: PeriodicJob;
}

export interface Deps {
  sessions: SessionRepository;
  /** The seat accounting on the session document (ADR 006). */
  seats: SeatLedger;
  slots: SlotBooks;
  registrations: RegistrationRepository;
  /** A bank's registrations across sessions (a liaison's own list). */
  bankRegistrations: BankRegistrationReads;
  opinions: OpinionRepository;
  /** The bank read model (from lianxin.banks.v1). */
  banks: BankRepository;
  now: () => Date;
  log: Logger;
  settings: Settings;
  feedbackGuard: FeedbackGuard;
  /** Starts a session-cancellations pass now, not at its next tick (skipped if one runs: it loops until done). */
  kickSessionCancellations: () => void;
  jobs: Jobs;
  /** Resolves once the collections and indexes exist (requests wait for it). */
  collections: Promise<void>;
}

export function createDeps(ctx: ServiceContext<OutreachConfig, Models>): Deps {
  const { config, log, models } = ctx;
  const collections = collectionsReady(models);
  // Awaited by requests and the start-up task; a failure is reported there, not as unhandled.
  collections.catch(() => undefined);
  const deps: Deps = {
    collections,
    sessions: new SessionRepository(models.sessions, ctx.wake),
    seats: seatLedger(models.sessions),
    slots: slotBooks(models.books, models.sessions),
    registrations: new RegistrationRepository(models.registrations, ctx.wake),
    bankRegistrations: new BankRegistrationReads(models.registrations),
    opinions: new OpinionRepository(models.opinions, ctx.wake),
    banks: bankRepository(models.banks, models.liaisons),
    now: ctx.now,
    log,
    settings: {
      checkInSecret: config.CHECK_IN_SECRET,
      pendingGraceMs: config.RECONCILE_GRACE_MS,
    },
    feedbackGuard: {
      session: new FailureLimiter({
        maxFailures: config.PUBLIC_FEEDBACK_MAX_FAILURES,
        windowMs: config.PUBLIC_FEEDBACK_WINDOW_MS,
        now: () => ctx.now().getTime(),
      }),
    },
    kickSessionCancellations: () => {
      void deps.jobs.sessionCancellations.tick();
    },
    jobs: {
      reconcile: new PeriodicJob({
        name: 'outreach.reconcile',
        connection: ctx.db,
        intervalMs: config.RECONCILE_INTERVAL_MS,
        log,
        run: async ({ signal }) => {
          const report = await reconcileRegistrations(deps, { signal });
          if (report.settled + report.released + report.promoted > 0)
            log.info({ report }, 'reconciled');
        },
      }),
      sessionCancellations: new PeriodicJob({
        name: 'outreach.session-cancellations',
        connection: ctx.db,
        intervalMs: config.SESSION_CANCEL_INTERVAL_MS,
        log,
        run: async ({ signal }) => {
          const report = await finishSessionCancellations(deps, signal);
          if (report.cancelled > 0) log.info({ report }, 'session cancellations progressed');
        },
      }),
    },
  };
  return deps;
}
