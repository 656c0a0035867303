// Use case: a session's registrations — all for staff, a liaison's own bank's for a liaison — in arrival order.
import { bankScope, type Principal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import { findVisibleSession } from '../sessions/session-access.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { entryOf } from '../sessions/seat-ledger.ts';

export interface ListedRegistration {
  registration: RegistrationDoc;
  /** The current place in the queue, for a waitlisted registration. */
  position: number | undefined;
}

export async function listRegistrations(
  deps: Deps,
  principal: Principal,
  sessionId: string,
  status: RegistrationDoc['status'] | undefined,
): Promise<ListedRegistration[]> {
  const session = await findVisibleSession(deps, principal, sessionId);
  const regs = await deps.registrations.listOfSession(sessionId, bankScope(principal), status);
  const places = new Map(session.queue.map((entry, i) => [entry, i + 1]));
  return regs.map((registration) => ({
    registration,
    position: places.get(entryOf(registration._id, registration.bankId)),
  }));
}
