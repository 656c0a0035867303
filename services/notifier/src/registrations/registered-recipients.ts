// Everyone registered for a session, once each: attendees who gave an address and the liaisons who registered them.
import type { Deps } from '../shared/deps.ts';

export interface SessionRecipient {
  /** The account id where the recipient is a liaison (for their language). */
  id: string | null;
  email: string;
  name: string;
}

export async function registeredRecipients(
  deps: Pick<Deps, 'registrations' | 'directory'>,
  sessionId: string,
  opts: { includeSessionCancelled: boolean },
): Promise<SessionRecipient[]> {
  const registrations = await deps.registrations.registeredFor(sessionId, opts);
  const byEmail = new Map<string, SessionRecipient>();
  for (const r of registrations) {
    if (r.attendee.email !== null && !byEmail.has(r.attendee.email)) {
      byEmail.set(r.attendee.email, { id: null, email: r.attendee.email, name: r.attendee.name });
    }
  }
  const liaisonIds = [...new Set(registrations.map((r) => r.registeredBy))];
  for (const liaisonId of liaisonIds) {
    const liaison = await deps.directory.liaison(liaisonId);
    // A liaison's own address wins over the same address given as an attendee's. (A registration
    // is only recorded once its liaison is known, so `unknown` is a liaison the directory lost.)
    if (liaison !== null && liaison !== 'unknown')
      byEmail.set(liaison.email, { id: liaison.id, email: liaison.email, name: liaison.name });
  }
  return [...byEmail.values()];
}
