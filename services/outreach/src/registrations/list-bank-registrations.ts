// Use case: a liaison's own bank's registrations across sessions, newest first, each with its session and current place.
import type { Paginated } from '@lianxin/contracts';
import { bankScope, type LiaisonPrincipal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import { entryOf } from '../sessions/seat-ledger.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import type { BankRegistrationsQuery } from './registration.schemas.ts';
import type { RegistrationDoc } from './registration.model.ts';

export interface PlacedRegistration {
  registration: RegistrationDoc;
  session: SessionDoc;
  /** The current place in the session's queue, for a waitlisted registration. */
  position: number | undefined;
}

export async function listBankRegistrations(
  deps: Deps,
  liaison: LiaisonPrincipal,
  q: BankRegistrationsQuery,
): Promise<Paginated<PlacedRegistration>> {
  const page = await deps.bankRegistrations.listOfBank(
    bankScope(liaison),
    {
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.sessionId === undefined ? {} : { sessionId: q.sessionId }),
    },
    q.page,
    q.pageSize,
  );
  return { ...page, items: await placed(deps, page.items) };
}

/** Each registration with its session (read once per session) and its current waitlist place. */
export async function placed(
  deps: Deps,
  regs: readonly RegistrationDoc[],
): Promise<PlacedRegistration[]> {
  const ids = [...new Set(regs.map((r) => r.sessionId))];
  // A page holds a few sessions at most; each is one exact-id read.
  const sessions = new Map<string, SessionDoc>();
  for (const doc of await Promise.all(ids.map((id) => deps.sessions.findById(id)))) {
    if (doc !== null) sessions.set(doc._id, doc);
  }
  return regs.map((registration) => {
    const session = sessions.get(registration.sessionId);
    // Sessions are never deleted: a registration without one is a broken store, not bad input.
    if (session === undefined) throw new Error(`session ${registration.sessionId} is missing`);
    const index = session.queue.indexOf(entryOf(registration._id, registration.bankId));
    return { registration, session, position: index < 0 ? undefined : index + 1 };
  });
}
