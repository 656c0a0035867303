// Event builders of accounts: the activation request the notifier turns into an email.
import type { AccountActivationRequested } from '@lianxin/contracts';
import { newEvent, type PendingEvent } from '@lianxin/platform/messaging';
import type { Account } from './account.ts';

export function activationRequested(
  account: Account,
  link: { url: string; expiresAt: Date },
): PendingEvent {
  const data: AccountActivationRequested = {
    accountId: account.id,
    role: account.role,
    bankId: account.bankId,
    name: account.name,
    email: account.email,
    language: account.language,
    link: { url: link.url, expiresAt: link.expiresAt.toISOString() },
  };
  return newEvent('account.activation_requested', data);
}
