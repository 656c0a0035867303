// Use case (background): cancel the registrations of a cancelled session, in batches, resumable after a crash.
import type { Deps } from '../shared/deps.ts';

/**
 * Registrations per multi-document update. The write serialiser holds its lock for a whole
 * command (about 1 ms a document on FerretDB/PostgreSQL), so this bounds how long any other write
 * waits behind a cancellation; the job's stop signal is checked between batches.
 */
const BATCH = 250;

export interface CancelProgress {
  cancelled: number;
  /** Live registrations left: young `pending` ones still owned by their request. */
  remaining: number;
}

/**
 * One session, batch by batch: read its live registrations' ids, then cancel a batch of them in
 * ONE conditional multi-document update with a shared `registration.cancelled` (ADR 040). A
 * `pending` registration younger than the grace is left to its request — which either finds the
 * session closed and deletes it, or records its seat first; a later pass cancels it then.
 * Idempotent: the update only matches registrations still live, so a pass after a crash, or a
 * withdrawal that landed first, never makes a registration cancelled twice.
 */
export async function cancelSessionRegistrations(
  deps: Deps,
  session: { sessionId: string; cancelledBy: string },
  signal?: AbortSignal,
): Promise<CancelProgress> {
  const pendingBefore = new Date(deps.now().getTime() - deps.settings.pendingGraceMs);
  const live = await deps.registrations.liveOfSession(session.sessionId);
  const ready = live
    .filter((r) => r.status !== 'pending' || r.registeredAt.getTime() < pendingBefore.getTime())
    .map((r) => r._id);
  const progress: CancelProgress = { cancelled: 0, remaining: live.length };
  const cancellation = {
    reason: 'session_cancelled' as const,
    cancelledBy: session.cancelledBy,
    cancelledAt: deps.now(),
  };
  for (let i = 0; i < ready.length; i += BATCH) {
    if (signal?.aborted) return progress;
    const batch = ready.slice(i, i + BATCH);
    progress.cancelled += await deps.registrations.cancelWithSession(
      session.sessionId,
      batch,
      cancellation,
      pendingBefore,
    );
  }
  // Read again: what a batch did not match (withdrawn meanwhile, or a young pending one) is
  // either cancelled now or still live and waits for a later pass.
  progress.remaining = (await deps.registrations.liveOfSession(session.sessionId)).length;
  return progress;
}
