// Use case: cancel a registration (a liaison, their own bank's, until the start) — the seat goes to the earliest eligible waiter.
import type { Principal } from '@lianxin/platform/auth';
import { bankScope } from '@lianxin/platform/auth';
import { conflict } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import { registrationNotFound } from './registration.rules.ts';
import { findVisibleSession } from '../sessions/session-access.ts';
import { registrationClosed } from './register-attendees.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { releaseAndPromote } from './settle-registration.ts';

export async function cancelRegistration(
  deps: Deps,
  principal: Principal,
  sessionId: string,
  registrationId: string,
): Promise<RegistrationDoc> {
  const session = await findVisibleSession(deps, principal, sessionId);
  const reg = await deps.registrations.findInSession(
    registrationId,
    sessionId,
    bankScope(principal),
  );
  if (!reg) throw registrationNotFound();
  if (reg.status === 'cancelled') return reg;
  if (reg.status === 'pending') {
    // Its request is still deciding the seat (and is the only writer until then).
    throw conflict('CONFLICT', {
      zh: '报名正在处理中，请稍后再试',
      en: 'The registration is still being processed; retry shortly',
    });
  }
  if (session.status !== 'scheduled' || deps.now().getTime() >= session.startsAt.getTime()) {
    throw registrationClosed(session);
  }
  const cancellation = {
    reason: 'withdrawn' as const,
    cancelledBy: principal.sub,
    cancelledAt: deps.now(),
  };
  // Step 1: the registration says cancelled (and frees its mobile number for this session);
  // not if the session's cancellation fenced it first — that one cancels it.
  await deps.registrations.recordWithdrawal(reg, cancellation);
  // Step 2: the ledger gives the seat to the earliest eligible waiter in the same write; step 3
  // marks them confirmed. A crash between steps is finished by the reconciler.
  await releaseAndPromote(deps, reg);
  const after = await deps.registrations.findById(reg._id);
  if (!after) throw registrationNotFound();
  return after;
}
