// Use case (background): cancel the registrations of a cancelled session, in batches, resumable after a crash.
import type { Deps } from '../shared/deps.ts';
import type { RegistrationDoc } from './registration.model.ts';

/** Registrations cancelled per batch; the job's stop signal is checked between batches. */
const BATCH = 200;
/** Bulk commands in flight at once (each of up to 25 statements; the database pool is 10 by default). */
const CONCURRENCY = 4;

export interface CancelProgress {
  cancelled: number;
  /** Live registrations left: young `pending` ones still owned by their request. */
  remaining: number;
}

/**
 * One session, batch by batch: fence the batch's registrations, read them again, cancel each still
 * live with its `registration.cancelled` event. A `pending` registration younger than the grace is left to its
 * request — which either finds the session closed and deletes it, or records its seat first; a later
 * pass cancels it then. Idempotent: a pass after a crash fences again, reads what is still live,
 * and goes on where the last one stopped (ADR 010).
 */
export async function cancelSessionRegistrations(
  deps: Deps,
  session: { sessionId: string; cancelledBy: string },
  signal?: AbortSignal,
): Promise<CancelProgress> {
  const cutoff = deps.now().getTime() - deps.settings.pendingGraceMs;
  const isLive = (r: RegistrationDoc) => r.status !== 'cancelled';
  const isReady = (r: RegistrationDoc) =>
    r.status !== 'pending' || r.registeredAt.getTime() < cutoff;
  let snapshot = await deps.registrations.allOfSession(session.sessionId);
  const progress: CancelProgress = { cancelled: 0, remaining: snapshot.filter(isLive).length };
  const done = new Set<string>();
  for (;;) {
    if (signal?.aborted) return progress;
    const batch = snapshot
      .filter((r) => isLive(r) && isReady(r) && !done.has(r._id))
      .slice(0, BATCH);
    if (batch.length === 0) return progress;
    const ids = new Set(batch.map((r) => r._id));
    await deps.registrations.fence([...ids], CONCURRENCY);
    // Read after the fence: a withdrawal that landed before it shows here, none lands after it.
    snapshot = await deps.registrations.allOfSession(session.sessionId);
    const fenced = snapshot.filter((r) => ids.has(r._id) && isLive(r));
    const cancellation = {
      reason: 'session_cancelled' as const,
      cancelledBy: session.cancelledBy,
      cancelledAt: deps.now(),
    };
    const n = await deps.registrations.cancelFenced(fenced, cancellation, CONCURRENCY);
    for (const id of ids) done.add(id);
    progress.cancelled += n;
    progress.remaining = snapshot.filter((r) => isLive(r) && !done.has(r._id)).length;
  }
}
