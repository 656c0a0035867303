// From a stored session to what a client sees and to the snapshot its events carry.
import type { SessionSnapshot } from '@lianxin/contracts';
import type { SessionView } from './session.schemas.ts';
import type { SessionCore } from './session.model.ts';

/** What the views read: never the ledger arrays, so a list can leave them out of its query. */
type SessionFields = Omit<SessionCore, 'seatHolders' | 'queue'>;

export function toSnapshot(doc: SessionFields): SessionSnapshot {
  return {
    id: doc._id,
    title: doc.title,
    kind: doc.kind,
    format: doc.format,
    startsAt: doc.startsAt.toISOString(),
    endsAt: doc.endsAt.toISOString(),
    venue: { name: doc.venue.name, address: doc.venue.address },
    organisingUnit: doc.organisingUnit,
    hostOfficerIds: [...doc.hostOfficerIds],
    capacity: doc.capacity,
    perBankQuota: doc.perBankQuota,
    invitedBankIds: [...doc.invitedBankIds],
    audiences: [...doc.audiences],
    fraudTopics: [...doc.fraudTopics],
    status: doc.status,
    registration: {
      opensAt: doc.registration.opensAt.toISOString(),
      closesAt: doc.registration.closesAt.toISOString(),
    },
  };
}

export function toView(doc: SessionFields & { version: number }): SessionView {
  return {
    ...toSnapshot(doc),
    description: doc.description,
    seats: {
      confirmed: doc.confirmedCount,
      waitlisted: doc.queueLen,
      left: Math.max(0, doc.capacity - doc.confirmedCount),
    },
    cancellation:
      doc.cancellation === null
        ? null
        : { ...doc.cancellation, cancelledAt: doc.cancellation.cancelledAt.toISOString() },
    completedAt: doc.completedAt?.toISOString() ?? null,
    // Sessions stored before the flag existed lack it.
    cancellingRegistrations: doc.cancellingRegistrations ?? false,
    version: doc.version,
  };
}
