// The reconciler: finishes registrations and cancellations a crash interrupted, so no seat leaks and none is counted twice.
import type { Deps } from '../shared/deps.ts';
import { releaseAndPromote, settleRegistration } from './settle-registration.ts';

export interface ReconcileReport {
  settled: number;
  released: number;
  promoted: number;
}

/**
 * Idempotent; safe beside live traffic and beside another reconciler:
 * 1. a `pending` registration older than `graceMs` lost its request: settle it (claim or queue);
 * 2. a ledger entry (seat or queue) whose registration is cancelled: release it and promote;
 * 3. a seat whose registration still says `waitlisted`: mark it promoted.
 * A cancelled session's registrations are the session-cancellations job's (ADR 010).
 */
export interface ReconcileOptions {
  /** How old a `pending` registration must be before its request counts as dead (default: the settings'). */
  graceMs?: number;
  /** Aborted when the job stops or loses its lease: the pass returns between two items. */
  signal?: AbortSignal;
}

export async function reconcileRegistrations(
  deps: Deps,
  { graceMs, signal }: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const report: ReconcileReport = { settled: 0, released: 0, promoted: 0 };
  const cutoff = new Date(deps.now().getTime() - (graceMs ?? deps.settings.pendingGraceMs));

  for (const _id of await deps.registrations.stalePending(cutoff)) {
    if (signal?.aborted) return report;
    await settleRegistration(deps, _id, true);
    report.settled += 1;
  }

  const open = await deps.sessions.openLedgers();
  for (const session of open) {
    const inLedger = new Set([
      ...session.seatHolders,
      ...session.queue.map((e) => e.split(':')[0] ?? ''),
    ]);
    if (inLedger.size === 0) continue;
    const regs = await deps.registrations.allOfSession(session._id);
    const seats = new Set(session.seatHolders);
    for (const reg of regs) {
      if (signal?.aborted) return report;
      if (!inLedger.has(reg._id)) continue;
      if (reg.status === 'cancelled') {
        await releaseAndPromote(deps, reg);
        report.released += 1;
      } else if (reg.status === 'waitlisted' && seats.has(reg._id)) {
        await settleRegistration(deps, reg._id);
        report.promoted += 1;
      }
    }
  }

  return report;
}
