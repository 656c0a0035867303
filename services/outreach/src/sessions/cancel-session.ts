// Use case: cancel a session — its event and its bookings given back now; its registrations follow in the background.
import type { StaffPrincipal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import { sessionNotFound, sessionNotScheduled } from './session.rules.ts';
import { releaseSlots } from './reserve-slots.ts';
import type { SessionDoc } from './session.model.ts';

/**
 * Answers at once (202): the session is `cancelled` in one write with its event and a flag saying
 * its registrations are still to cancel; the background job (registrations/finish-session-cancellations.ts)
 * cancels them in batches, each with its event, and clears the flag (ADR 010).
 */
export async function cancelSession(
  deps: Deps,
  by: StaffPrincipal,
  sessionId: string,
  reason: string,
): Promise<SessionDoc> {
  const current = await deps.sessions.findById(sessionId);
  if (!current) throw sessionNotFound();
  const cancellation = { reason, cancelledBy: by.sub, cancelledAt: deps.now() };
  if (!(await deps.sessions.markCancelled(current, cancellation))) {
    throw sessionNotScheduled(current.status);
  }
  await releaseSlots(deps.slots, { ...current, sessionId });
  deps.kickSessionCancellations();
  return { ...current, status: 'cancelled', cancellation, cancellingRegistrations: true };
}
