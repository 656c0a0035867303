// Finding a session as the caller may see it: a liaison sees only the sessions their bank is invited to.
import type { Principal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import { sessionNotFound, sessionNotScheduled } from './session.rules.ts';
import type { SessionDoc } from './session.model.ts';

/** The ledger arrays and the outbox are large; most reads need neither. */
export const WITHOUT_LEDGER = { seatHolders: 0, queue: 0, outbox: 0 } as const;

export async function findVisibleSession(
  deps: Deps,
  principal: Principal,
  sessionId: string,
): Promise<SessionDoc> {
  const filter =
    principal.role === 'liaison'
      ? { _id: sessionId, invitedBankIds: principal.bankId }
      : { _id: sessionId };
  const doc = await deps.models.sessions.findOne(filter).lean<SessionDoc>();
  if (!doc) throw sessionNotFound();
  return doc;
}

export function assertScheduled(doc: Pick<SessionDoc, 'status'>): void {
  if (doc.status !== 'scheduled') throw sessionNotScheduled(doc.status);
}

/** A session without its ledger arrays and outbox. */
export type SessionHead = Omit<SessionDoc, 'seatHolders' | 'queue' | 'outbox'>;

/** As findVisibleSession, without the large ledger arrays (registration's hot path). */
export async function findVisibleSessionHead(
  deps: Deps,
  principal: Principal,
  sessionId: string,
): Promise<SessionHead> {
  const filter =
    principal.role === 'liaison'
      ? { _id: sessionId, invitedBankIds: principal.bankId }
      : { _id: sessionId };
  const doc = await deps.models.sessions.findOne(filter, WITHOUT_LEDGER).lean<SessionHead>();
  if (!doc) throw sessionNotFound();
  return doc;
}
