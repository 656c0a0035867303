// Keeps each liaison's account in step with the banks service: created on liaison.added, renamed, deactivated on removal.
import type { LiaisonAdded, LiaisonRemoved, LiaisonUpdated } from '@lianxin/contracts';
import type { Deps } from '../shared/deps.ts';
import type { Account } from './account.ts';
import { activationRequested } from './account.events.ts';
import { activationUrl, addHours, emailKey, newSecret, secretHash } from './account.rules.ts';
import { deactivateAccount } from './deactivate-account.ts';

/** A new liaison gets a pending account and an activation link (the notifier emails it). */
export async function addLiaisonAccount(
  deps: Deps,
  liaison: LiaisonAdded,
  sequence: number,
): Promise<void> {
  if (!liaison.active) return;
  const now = deps.now();
  const token = newSecret();
  const expiresAt = addHours(now, deps.settings.activationTtlHours);
  const account: Account = {
    id: liaison.liaisonId,
    role: 'liaison',
    bankId: liaison.bankId,
    name: liaison.name,
    email: emailKey(liaison.email),
    language: 'zh',
    status: 'pending',
    createdAt: now,
    updatedAt: now,
  };
  const link = { url: activationUrl(deps.settings.publicUrl, token), expiresAt };
  // false when it exists already: a redelivery mints no second link.
  await deps.accounts.create(
    {
      ...account,
      activationTokenHash: secretHash(token),
      activationExpiresAt: expiresAt,
      bankSequence: sequence,
    },
    activationRequested(account, link),
  );
}

export async function updateLiaisonAccount(
  deps: Deps,
  liaison: LiaisonUpdated,
  sequence: number,
): Promise<void> {
  await deps.accounts.applyLiaison(liaison.liaisonId, sequence, { name: liaison.name }, deps.now());
  if (!liaison.active) await deactivateQuietly(deps, liaison.liaisonId);
}

export async function removeLiaisonAccount(deps: Deps, liaison: LiaisonRemoved): Promise<void> {
  await deactivateQuietly(deps, liaison.liaisonId);
}

async function deactivateQuietly(deps: Deps, id: string): Promise<void> {
  if ((await deps.accounts.findById(id)) === null) return; // never had an account
  await deactivateAccount(deps, id);
}
