// Use case: cancel a registration (a liaison, their own bank's, until the start) — the seat goes to the earliest eligible waiter.
import type { Principal } from '@lianxin/platform/auth';
import { bankScope } from '@lianxin/platform/auth';
import { conflict } from '@lianxin/platform/http';
import { withEvents } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { registrationNotFound } from '../shared/errors.ts';
import { findVisibleSession } from '../sessions/session-access.ts';
import { registrationClosed } from './register-attendees.ts';
import { registrationCancelled } from './registration-events.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { releaseAndPromote } from './settle-registration.ts';

export async function cancelRegistration(
  deps: Deps,
  principal: Principal,
  sessionId: string,
  registrationId: string,
): Promise<RegistrationDoc> {
  const session = await findVisibleSession(deps, principal, sessionId);
  const { registrations } = deps.models;
  const reg = await registrations
    .findOne({ _id: registrationId, sessionId, ...bankScope(principal).filter() })
    .lean<RegistrationDoc>();
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
  // Step 1: the registration says cancelled (and frees its mobile number for this session).
  const res = await registrations.updateOne(
    { _id: reg._id, status: { $ne: 'cancelled' } },
    withEvents(
      {
        $set: {
          status: 'cancelled',
          waitlist: null,
          cancellation,
          mobileKey: `${reg.attendee.mobile}#${reg._id}`,
        },
      },
      [registrationCancelled(reg, cancellation)],
    ),
  );
  if (res.matchedCount === 1) deps.wake();
  // Step 2: the ledger gives the seat to the earliest eligible waiter in the same write; step 3
  // marks them confirmed. A crash between steps is finished by the reconciler.
  await releaseAndPromote(deps, reg);
  const after = await registrations.findById(reg._id).lean<RegistrationDoc>();
  if (!after) throw registrationNotFound();
  return after;
}
