// Session read model → what an email shows of it (and its calendar entry).
import type { SessionInfo } from '../email/email.schemas.ts';
import type { SessionView } from './session.model.ts';

export function sessionInfo(s: SessionView): SessionInfo {
  return {
    id: s._id,
    title: s.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    venue: { name: s.venue.name, address: s.venue.address },
    organisingUnit: s.organisingUnit,
    revision: s.revision ?? 0,
  };
}
