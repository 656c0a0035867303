// Deactivation (by a coordinator, or a liaison removed at their bank): no more sign-in, every session ended.
import { notFound } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';

/** Idempotent: an account already deactivated stays so; an unknown one is 404. */
export async function deactivateAccount(deps: Deps, id: string): Promise<void> {
  const changed = await deps.accounts.deactivate(id, deps.now());
  if (!changed && (await deps.accounts.findById(id)) === null) throw notFound();
  await deps.sessions.removeAll(id);
}
