// The background job's pass: finish cancelling the registrations of every cancelled session that still has live ones.
import type { Deps } from '../shared/deps.ts';
import { cancelSessionRegistrations } from './cancel-session-registrations.ts';

export interface CancellationsReport {
  sessions: number;
  cancelled: number;
  /** Young pending registrations left to their requests for a later pass. */
  waiting: number;
}

/** Loops until no flagged session has anything ready to cancel, so a cancel made meanwhile is taken too. */
export async function finishSessionCancellations(
  deps: Deps,
  signal?: AbortSignal,
): Promise<CancellationsReport> {
  const report: CancellationsReport = { sessions: 0, cancelled: 0, waiting: 0 };
  const seen = new Set<string>();
  for (;;) {
    const pending = (await deps.sessions.pendingCancellations()).filter(
      (p) => !seen.has(p.sessionId),
    );
    if (pending.length === 0) return report;
    for (const session of pending) {
      if (signal?.aborted) return report;
      seen.add(session.sessionId);
      const progress = await cancelSessionRegistrations(deps, session, signal);
      report.sessions += 1;
      report.cancelled += progress.cancelled;
      if (signal?.aborted) return report;
      if (progress.remaining === 0)
        await deps.sessions.markRegistrationsCancelled(session.sessionId);
      else report.waiting += progress.remaining;
    }
  }
}
