// The reconciler: finishes registrations and cancellations a crash interrupted, so no seat leaks and none is counted twice.
import type { Deps } from '../shared/deps.ts';
import { cancelRegistrationsOf } from '../sessions/cancel-session.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { releaseAndPromote, settleRegistration } from './settle-registration.ts';

export interface ReconcileReport {
  settled: number;
  released: number;
  promoted: number;
  cancelled: number;
}

/**
 * Idempotent; safe beside live traffic and beside another reconciler:
 * 1. a `pending` registration older than `graceMs` lost its request: settle it (claim or queue);
 * 2. a ledger entry (seat or queue) whose registration is cancelled: release it and promote;
 * 3. a seat whose registration still says `waitlisted`: mark it promoted;
 * 4. a cancelled session with live registrations: cancel them.
 */
export interface ReconcileOptions {
  /** How old a `pending` registration must be before its request counts as dead. */
  graceMs?: number;
  /** Aborted when the job stops or loses its lease: the pass returns between two items. */
  signal?: AbortSignal;
}

export async function reconcile(
  deps: Deps,
  { graceMs = 60_000, signal }: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const { registrations, sessions } = deps.models;
  const report: ReconcileReport = { settled: 0, released: 0, promoted: 0, cancelled: 0 };
  const cutoff = new Date(deps.now().getTime() - graceMs);

  const stale = await registrations
    .find({ status: 'pending', registeredAt: { $lt: cutoff } }, { _id: 1 })
    .lean<{ _id: string }[]>();
  for (const { _id } of stale) {
    if (signal?.aborted) return report;
    await settleRegistration(deps, _id, true);
    report.settled += 1;
  }

  const open = await sessions
    .find({ status: 'scheduled' }, { _id: 1, seatHolders: 1, queue: 1 })
    .lean<Pick<SessionDoc, '_id' | 'seatHolders' | 'queue'>[]>();
  for (const session of open) {
    const inLedger = new Set([
      ...session.seatHolders,
      ...session.queue.map((e) => e.split(':')[0] ?? ''),
    ]);
    if (inLedger.size === 0) continue;
    const regs = await registrations
      .find({ sessionId: session._id }, { _id: 1, sessionId: 1, bankId: 1, status: 1 })
      .lean<Pick<RegistrationDoc, '_id' | 'sessionId' | 'bankId' | 'status'>[]>();
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

  const cancelled = await sessions
    .find({ status: 'cancelled' }, { _id: 1, cancellation: 1 })
    .lean<Pick<SessionDoc, '_id' | 'cancellation'>[]>();
  for (const s of cancelled) {
    if (signal?.aborted) return report;
    report.cancelled += await cancelRegistrationsOf(
      deps,
      s._id,
      s.cancellation?.cancelledBy ?? 'system',
    );
  }
  return report;
}
