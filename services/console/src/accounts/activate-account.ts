// Activation: the one-time token of the emailed link sets the account's first password.
import { badRequest } from '@lianxin/platform/errors';
import { hashPassword } from '../auth/hash-password.ts';
import type { Deps } from '../shared/deps.ts';
import type { Account } from './account.ts';
import { secretHash } from './account.rules.ts';

export async function activateAccount(
  deps: Deps,
  token: string,
  password: string,
): Promise<Account> {
  // Hashing first: the token is burnt in the same update that stores the hash.
  const passwordHash = await hashPassword(password);
  const account = await deps.accounts.activate(secretHash(token), passwordHash, deps.now());
  if (account === null) {
    throw badRequest('INVALID_ACTIVATION_TOKEN', {
      zh: '激活链接无效、已使用或已过期',
      en: 'The activation link is unknown, used or expired',
    });
  }
  return account;
}
