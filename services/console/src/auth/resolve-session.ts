// The signed-in account behind a session cookie, or null: unknown, expired, or its account no longer active.
import type { Account } from '../accounts/account.ts';
import { secretHash } from '../accounts/account.rules.ts';
import type { Deps } from '../shared/deps.ts';
import type { Session } from './session.repository.ts';

export interface CurrentSession {
  hash: string;
  session: Session;
  account: Account;
}

export async function resolveSession(deps: Deps, secret: string): Promise<CurrentSession | null> {
  const hash = secretHash(secret);
  const session = await deps.sessions.find(hash, deps.now());
  if (session === null) return null;
  const account = await deps.accounts.findById(session.accountId);
  // Deactivation removes the sessions too; this check also covers one created in between.
  if (account?.status !== 'active') return null;
  return { hash, session, account };
}
