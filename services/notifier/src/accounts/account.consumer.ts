// Kafka entry of lianxin.accounts.v1: remember the account (language, coordinators), then send its link.
import { pickEvents } from '@lianxin/contracts';
import type { EventOf } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { sendAccountLink } from './send-account-link.ts';

export const AccountEvents = pickEvents(
  'account.activation_requested',
  'account.password_reset_requested',
);
export type AccountEvent = EventOf<typeof AccountEvents>;

export async function handleAccountEvent(deps: Deps, event: AccountEvent): Promise<void> {
  const d = event.data;
  await deps.accounts.apply(d.accountId, event.sequence, {
    role: d.role,
    bankId: d.bankId,
    name: d.name,
    email: d.email,
    language: d.language,
  });
  await sendAccountLink(deps, event);
}
