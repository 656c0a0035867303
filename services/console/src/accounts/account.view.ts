// Account → response: no secrets, instants as ISO strings.
import type { Account } from './account.ts';
import type { AccountView } from './account.schemas.ts';

export function accountView(account: Account): AccountView {
  return {
    id: account.id,
    role: account.role,
    bankId: account.bankId,
    name: account.name,
    email: account.email,
    language: account.language,
    status: account.status,
    createdAt: account.createdAt.toISOString(),
  };
}
