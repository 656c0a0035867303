// Use case: cancel a session — its event, its bookings given back, and every registration cancelled with it.
import type { StaffPrincipal } from '@lianxin/platform/auth';
import { withEvents } from '@lianxin/platform/messaging';
import { registrationCancelled } from '../registrations/registration-events.ts';
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import type { Deps } from '../shared/deps.ts';
import { sessionNotFound, sessionNotScheduled } from '../shared/errors.ts';
import { releaseSlots } from './reserve-slots.ts';
import { sessionCancelled } from './session-events.ts';
import { toSnapshot } from './session-mapping.ts';
import type { SessionDoc } from './session.model.ts';
import { slotBooks } from './slot-books.ts';

export async function cancelSession(
  deps: Deps,
  by: StaffPrincipal,
  sessionId: string,
  reason: string,
): Promise<SessionDoc> {
  const { sessions, books } = deps.models;
  const current = await sessions.findById(sessionId).lean<SessionDoc>();
  if (!current) throw sessionNotFound();
  const cancellation = { reason, cancelledBy: by.sub, cancelledAt: deps.now() };
  const event = sessionCancelled({
    ...toSnapshot(current),
    status: 'cancelled',
    cancellation: { ...cancellation, cancelledAt: cancellation.cancelledAt.toISOString() },
  });
  const res = await sessions.updateOne(
    { _id: sessionId, status: 'scheduled' },
    withEvents({ $set: { status: 'cancelled', cancellation } }, [event]),
  );
  if (res.matchedCount === 0) throw sessionNotScheduled(current.status);
  deps.wake();
  await releaseSlots(slotBooks(books, sessions), { ...current, sessionId });
  await cancelRegistrationsOf(deps, sessionId, by.sub);
  const after = await sessions.findById(sessionId).lean<SessionDoc>();
  if (!after) throw sessionNotFound();
  return after;
}

/** Cancels what is still live of a cancelled session (also the reconciler's step after a crash here). */
export async function cancelRegistrationsOf(
  deps: Deps,
  sessionId: string,
  cancelledBy: string,
): Promise<number> {
  const { registrations } = deps.models;
  const live = await registrations
    .find({ sessionId, status: { $ne: 'cancelled' } }, { outbox: 0 })
    .lean<RegistrationDoc[]>();
  let n = 0;
  for (const reg of live) {
    const cancellation = {
      reason: 'session_cancelled' as const,
      cancelledBy,
      cancelledAt: deps.now(),
    };
    const res = await registrations.updateOne(
      { _id: reg._id, status: { $ne: 'cancelled' } },
      withEvents({ $set: { status: 'cancelled', waitlist: null, cancellation } }, [
        registrationCancelled(reg, cancellation),
      ]),
    );
    n += res.matchedCount;
  }
  if (n > 0) deps.wake();
  return n;
}
