// From a session to what its invited bank's liaison sees: the session's seats and their own bank's share of them.
import type { SessionDoc } from '../sessions/session.model.ts';
import type { InvitationView } from './invitation.schemas.ts';
import { isOpenForRegistration } from './settle-registration.ts';

type InvitedSession = Omit<SessionDoc, 'outbox' | 'seatHolders'>;

export function toInvitationView(doc: InvitedSession, bankId: string, now: Date): InvitationView {
  const held = doc.bankConfirmed[bankId] ?? 0;
  // Queue entries are `registrationId:bankId` (seat-ledger.ts).
  const waiting = doc.queue.filter((entry) => entry.endsWith(`:${bankId}`)).length;
  return {
    sessionId: doc._id,
    title: doc.title,
    kind: doc.kind,
    format: doc.format,
    startsAt: doc.startsAt.toISOString(),
    endsAt: doc.endsAt.toISOString(),
    venue: { name: doc.venue.name, address: doc.venue.address },
    organisingUnit: doc.organisingUnit,
    description: doc.description,
    capacity: doc.capacity,
    perBankQuota: doc.perBankQuota,
    seats: {
      confirmed: doc.confirmedCount,
      waitlisted: doc.queueLen,
      left: Math.max(0, doc.capacity - doc.confirmedCount),
    },
    bank: {
      confirmed: held,
      waitlisted: waiting,
      quotaLeft: doc.perBankQuota === null ? null : Math.max(0, doc.perBankQuota - held),
    },
    registration: {
      opensAt: doc.registration.opensAt.toISOString(),
      closesAt: doc.registration.closesAt.toISOString(),
      open: isOpenForRegistration(doc, now),
    },
  };
}
