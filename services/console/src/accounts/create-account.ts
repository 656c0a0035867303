// A coordinator creates a staff account (coordinator, officer, reviewer); its holder activates it by the emailed link.
import { Types } from 'mongoose';
import type { Deps } from '../shared/deps.ts';
import type { Account } from './account.ts';
import { activationRequested } from './account.events.ts';
import { activationUrl, addHours, emailKey, newSecret, secretHash } from './account.rules.ts';

export interface NewStaffAccount {
  role: 'coordinator' | 'officer' | 'reviewer';
  name: string;
  email: string;
  language: 'zh' | 'en';
}

export async function createAccount(deps: Deps, input: NewStaffAccount): Promise<Account> {
  const now = deps.now();
  const token = newSecret();
  const expiresAt = addHours(now, deps.settings.activationTtlHours);
  const account: Account = {
    id: new Types.ObjectId().toHexString(),
    role: input.role,
    bankId: null,
    name: input.name,
    email: emailKey(input.email),
    language: input.language,
    status: 'pending',
    createdAt: now,
    updatedAt: now,
  };
  const link = { url: activationUrl(deps.settings.publicUrl, token), expiresAt };
  await deps.accounts.create(
    { ...account, activationTokenHash: secretHash(token), activationExpiresAt: expiresAt },
    activationRequested(account, link),
  );
  return account;
}
