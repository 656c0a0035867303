// Finding a session as the caller may see it: a liaison sees only the sessions their bank is invited to.
import type { Principal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import type { SessionDoc } from './session.model.ts';
import type { SessionHead } from './session.repository.ts';
import { sessionNotScheduled } from './session.rules.ts';

export type { SessionHead } from './session.repository.ts';

export function findVisibleSession(
  deps: Deps,
  principal: Principal,
  sessionId: string,
): Promise<SessionDoc> {
  return deps.sessions.findVisible(principal, sessionId);
}

export function assertScheduled(doc: Pick<SessionDoc, 'status'>): void {
  if (doc.status !== 'scheduled') throw sessionNotScheduled(doc.status);
}

/** As findVisibleSession, without the large ledger arrays (registration's hot path). */
export function findVisibleSessionHead(
  deps: Deps,
  principal: Principal,
  sessionId: string,
): Promise<SessionHead> {
  return deps.sessions.findVisibleHead(principal, sessionId);
}
