// Brings a registration document in line with the session's seat ledger — for new, promoted and interrupted registrations.
import type { WaitlistPlace } from '@lianxin/contracts';
import { withEvents } from '@lianxin/platform/messaging';
import { signCheckInToken } from '../attendance/check-in-token.ts';
import type { Deps } from '../shared/deps.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import {
  registrationConfirmed,
  registrationPromoted,
  registrationWaitlisted,
} from './registration-events.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { entryOf, seatLedger } from './seat-ledger.ts';

const MAX_ROUNDS = 20;
/** How long a promoter waits for a registration's own request to finish leaving `pending`. */
const OWNER_WAIT_MS = 3_000;

/**
 * The first transition (`pending` → `confirmed` | `waitlisted`) has exactly one writer: the
 * request that created the registration (or, if that request died, the reconciler much later).
 * So it is filtered by `_id` alone — on FerretDB 1.24 only such a filter is pushed down to
 * SQLite; anything more scans the whole collection under the global write lock (ADR 006).
 */
export async function markFirstTransition(
  deps: Deps,
  reg: RegistrationDoc,
  outcome: { kind: 'seat' } | { kind: 'queued'; place: WaitlistPlace },
): Promise<RegistrationDoc> {
  if (outcome.kind === 'seat') {
    const token = signCheckInToken(deps.checkInSecret, reg._id, reg.sessionId);
    await deps.models.registrations.updateOne(
      { _id: reg._id },
      withEvents({ $set: { status: 'confirmed', waitlist: null } }, [
        registrationConfirmed(reg, token),
      ]),
    );
    deps.wake();
    return { ...reg, status: 'confirmed', waitlist: null };
  }
  await deps.models.registrations.updateOne(
    { _id: reg._id },
    withEvents({ $set: { status: 'waitlisted', waitlist: outcome.place } }, [
      registrationWaitlisted(reg, outcome.place),
    ]),
  );
  deps.wake();
  return { ...reg, status: 'waitlisted', waitlist: outcome.place };
}

/**
 * The ledger on the session document is the truth; the registration's status follows it:
 * seated → `confirmed` (`registration.promoted` if it waited), queued → `waitlisted`, `pending`
 * and in neither → claim first (owner only). Every step is idempotent, so a retry, a concurrent
 * promoter or the reconciler changes nothing the second time. Returns the registration as it
 * ends up (`pending` if the session closed first), or null if it does not exist.
 */
export async function settleRegistration(
  deps: Deps,
  registrationId: string,
  owner = false,
): Promise<RegistrationDoc | null> {
  const { registrations, sessions } = deps.models;
  const ledger = seatLedger(sessions);
  const waitUntil = Date.now() + OWNER_WAIT_MS;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const reg = await registrations.findById(registrationId, { outbox: 0 }).lean<RegistrationDoc>();
    if (!reg) return null;
    if (reg.status === 'pending' && !owner) {
      // Its own request is about to write the first transition; promote after it.
      if (Date.now() > waitUntil) return reg; // the reconciler will finish it
      await new Promise((r) => setTimeout(r, 20));
      round -= 1;
      continue;
    }
    const session = await ledger.read(reg.sessionId);
    if (!session) return reg;
    const seated = session.seatHolders.includes(reg._id);
    const place = session.queue.indexOf(entryOf(reg._id, reg.bankId));

    if (reg.status === 'cancelled') {
      // Cancelled while its seat was being claimed: give the seat back (and promote).
      if (seated || place >= 0) await releaseAndPromote(deps, reg);
      return reg;
    }
    if (reg.status === 'pending') {
      if (seated) return markFirstTransition(deps, reg, { kind: 'seat' });
      if (place >= 0) {
        return markFirstTransition(deps, reg, { kind: 'queued', place: placeOf(session, place) });
      }
      const outcome = await ledger.claimOrEnqueue(reg.sessionId, reg._id, reg.bankId, session);
      if (outcome.kind === 'closed') return reg;
      continue;
    }
    if (seated && reg.status === 'waitlisted') {
      await markPromoted(deps, reg);
      continue;
    }
    return reg; // in line with the ledger (or the session was cancelled)
  }
  throw new Error(`registration ${registrationId} did not settle`);
}

function placeOf(session: SessionDoc, index: number): WaitlistPlace {
  return {
    position: index + 1,
    reason: session.confirmedCount >= session.capacity ? 'capacity' : 'bank_quota',
  };
}

/** waitlisted → confirmed; several promoters may race, so this one stays conditional on the status. */
async function markPromoted(deps: Deps, reg: RegistrationDoc): Promise<void> {
  const token = signCheckInToken(deps.checkInSecret, reg._id, reg.sessionId);
  const from = reg.waitlist ?? { position: 1, reason: 'capacity' as const };
  const res = await deps.models.registrations.updateOne(
    { _id: reg._id, status: 'waitlisted' },
    withEvents({ $set: { status: 'confirmed', waitlist: null } }, [
      registrationPromoted(reg, token, from),
    ]),
  );
  if (res.matchedCount === 1) deps.wake();
}

/** Frees the registration's seat or place; whoever the ledger promoted in the same write is then marked confirmed. */
export async function releaseAndPromote(
  deps: Deps,
  reg: Pick<RegistrationDoc, '_id' | 'sessionId' | 'bankId'>,
): Promise<void> {
  const promoted = await seatLedger(deps.models.sessions).release(
    reg.sessionId,
    reg._id,
    reg.bankId,
  );
  for (const p of promoted) await settleRegistration(deps, p.registrationId);
}

export function isOpenForRegistration(
  session: Pick<SessionDoc, 'status' | 'registration'>,
  now: Date,
): boolean {
  return (
    session.status === 'scheduled' &&
    now.getTime() >= session.registration.opensAt.getTime() &&
    now.getTime() < session.registration.closesAt.getTime()
  );
}
