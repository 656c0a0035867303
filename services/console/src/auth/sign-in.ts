// Sign-in: the password checked under the per-account attempt limit, then a new server-side session.
import { AppError, appError, detail } from '@lianxin/platform/errors';
import type { Account } from '../accounts/account.ts';
import {
  addHours,
  addMinutes,
  newSecret,
  secondsUntil,
  secretHash,
} from '../accounts/account.rules.ts';
import type { Deps } from '../shared/deps.ts';
import { decoyHash, verifyPassword } from './hash-password.ts';

export interface SignedIn {
  account: Account;
  /** The cookie's value; only its hash is stored. */
  sessionSecret: string;
  csrfToken: string;
  expiresAt: Date;
}

const invalidCredentials = () =>
  appError('INVALID_CREDENTIALS', { zh: '邮箱或密码错误', en: 'Wrong email or password' });

function accountLocked(retryAfterSeconds: number) {
  const text = {
    zh: `密码错误次数过多，账号已锁定，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`,
    en: `Too many wrong passwords: the account is locked; try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
  };
  return new AppError({
    code: 'ACCOUNT_LOCKED',
    message: text,
    details: [detail('', 'locked', text, { retryAfterSeconds })],
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}

async function lockedError(deps: Deps, accountId: string, now: Date) {
  const { accounts, settings } = deps;
  // Also what ends a claim left at the limit by a crash between the 5th failure and its lock.
  await accounts.lockIfExhausted(
    accountId,
    now,
    settings.maxFailures,
    addMinutes(now, settings.lockMinutes),
  );
  const until = (await accounts.lockedUntil(accountId)) ?? now;
  return accountLocked(Math.max(1, secondsUntil(until, now)));
}

/**
 * Unknown emails and accounts that may not sign in (pending, deactivated) get the same 401 as a
 * wrong password, after an equally slow hash check. A locked account is told so (429 with
 * Retry-After) without its password being checked.
 */
export async function signIn(deps: Deps, email: string, password: string): Promise<SignedIn> {
  const { accounts, sessions, settings } = deps;
  const now = deps.now();
  const found = await accounts.credentialsByEmail(email);
  if (found?.status !== 'active' || found.passwordHash === null) {
    await verifyPassword(await decoyHash(), password);
    throw invalidCredentials();
  }
  if (!(await accounts.claimAttempt(found.id, now, settings.maxFailures))) {
    throw await lockedError(deps, found.id, now);
  }
  if (!(await verifyPassword(found.passwordHash, password))) {
    await accounts.lockIfExhausted(
      found.id,
      now,
      settings.maxFailures,
      addMinutes(now, settings.lockMinutes),
    );
    throw invalidCredentials();
  }
  await accounts.resetAttempts(found.id);
  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = addHours(now, settings.sessionTtlHours);
  await sessions.create(
    secretHash(sessionSecret),
    { accountId: found.id, csrfToken, expiresAt },
    now,
  );
  const { passwordHash: _hash, lockedUntil: _until, ...account } = found;
  return { account, sessionSecret, csrfToken, expiresAt };
}
