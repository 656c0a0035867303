// Sign-out of this browser, or of every session of the account.
import type { Deps } from '../shared/deps.ts';
import type { CurrentSession } from './resolve-session.ts';

export async function signOut(deps: Deps, current: CurrentSession): Promise<void> {
  await deps.sessions.remove(current.hash);
}

export async function signOutEverywhere(deps: Deps, current: CurrentSession): Promise<number> {
  return deps.sessions.removeAll(current.account.id);
}
