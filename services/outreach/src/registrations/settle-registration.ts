// Brings a registration document in line with the session's seat ledger — for new, promoted and interrupted registrations.
import type { WaitlistPlace } from '@lianxin/contracts';
import { signCheckInToken } from './check-in-token.ts';
import type { Deps } from '../shared/deps.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { entryOf } from '../sessions/seat-ledger.ts';

const MAX_ROUNDS = 20;
/** How long a promoter waits for a registration's own request to finish leaving `pending`. */
const OWNER_WAIT_MS = 3_000;

/**
 * Records the first transition (`pending` → `confirmed` | `waitlisted`) and its event. While the
 * registration is young its own request is its only writer (the reconciler waits
 * `pendingGraceMs`), so the request writes by `_id` alone — the only filter FerretDB's SQLite
 * backend serves (ADR 006). Any other writer (the reconciler, a request older than a third of the
 * grace) writes guarded by `status: 'pending'`: of two writers, one records it (ADR 009).
 */
export async function markFirstTransition(
  deps: Deps,
  reg: RegistrationDoc,
  outcome: { kind: 'seat' } | { kind: 'queued'; place: WaitlistPlace },
  owner: 'request' | 'reconciler',
): Promise<RegistrationDoc> {
  const age = deps.now().getTime() - reg.registeredAt.getTime();
  const guarded = owner === 'reconciler' || age > deps.settings.pendingGraceMs / 3;
  const after = await deps.registrations.recordFirstTransition(
    reg,
    outcome.kind === 'seat'
      ? {
          kind: 'seat',
          checkInToken: signCheckInToken(deps.settings.checkInSecret, reg._id, reg.sessionId),
        }
      : outcome,
    guarded,
  );
  return after ?? reg;
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
  const ledger = deps.seats;
  const waitUntil = Date.now() + OWNER_WAIT_MS;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const reg = await deps.registrations.findById(registrationId);
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
      if (seated) return markFirstTransition(deps, reg, { kind: 'seat' }, 'reconciler');
      if (place >= 0) {
        const queued = { kind: 'queued' as const, place: placeOf(session, place) };
        return markFirstTransition(deps, reg, queued, 'reconciler');
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

/** waitlisted → confirmed; several promoters may race, so the store records it only from `waitlisted`. */
async function markPromoted(deps: Deps, reg: RegistrationDoc): Promise<void> {
  const token = signCheckInToken(deps.settings.checkInSecret, reg._id, reg.sessionId);
  const from = reg.waitlist ?? { position: 1, reason: 'capacity' as const };
  await deps.registrations.recordPromotion(reg, token, from);
}

/** Frees the registration's seat or place; whoever the ledger promoted in the same write is then marked confirmed. */
export async function releaseAndPromote(
  deps: Deps,
  reg: Pick<RegistrationDoc, '_id' | 'sessionId' | 'bankId'>,
): Promise<void> {
  const promoted = await deps.seats.release(reg.sessionId, reg._id, reg.bankId);
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
