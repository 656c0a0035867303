// Loads the demo accounts (idempotent): staff of each role, and a liaison once the banks demo's liaisons have arrived.
import { activationRequested } from '../accounts/account.events.ts';
import { activationUrl, addHours, newSecret, secretHash } from '../accounts/account.rules.ts';
import { hashPassword } from '../auth/hash-password.ts';
import type { Deps } from '../shared/deps.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-accounts.ts';

const LIAISON_WAIT_MS = 60_000;

export async function loadDemo(
  deps: Deps,
  signal?: AbortSignal,
): Promise<{ liaison: string | null }> {
  const now = deps.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const staff of DEMO_STAFF) {
    const token = newSecret();
    const expiresAt = addHours(now, deps.settings.activationTtlHours);
    const account = {
      ...staff,
      bankId: null,
      language: 'zh' as const,
      status: 'pending' as const,
      createdAt: now,
      updatedAt: now,
    };
    await deps.accounts.create(
      { ...account, activationTokenHash: secretHash(token), activationExpiresAt: expiresAt },
      activationRequested(account, {
        url: activationUrl(deps.settings.publicUrl, token),
        expiresAt,
      }),
    );
    await deps.accounts.setPassword(staff.id, passwordHash, now);
  }
  // Liaison accounts come from the banks topic: wait for the first one.
  const deadline = Date.now() + LIAISON_WAIT_MS;
  while (Date.now() < deadline && signal?.aborted !== true) {
    const [liaison] = await deps.accounts.firstLiaisons(1);
    if (liaison !== undefined) {
      await deps.accounts.setPassword(liaison.id, passwordHash, now);
      return { liaison: liaison.email };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { liaison: null };
}
