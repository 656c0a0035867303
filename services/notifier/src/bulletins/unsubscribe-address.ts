// One-click unsubscribe (RFC 8058): the signed token names the address; no sign-in, and no other address is touched.
import { AppError } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import { verifyUnsubscribeToken } from './unsubscribe.rules.ts';

const invalidToken = (): AppError =>
  new AppError({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: { zh: '退订链接无效', en: 'The unsubscribe link is not valid' },
    details: [
      {
        path: 'token',
        rule: 'signature',
        message: { zh: '不是本服务签发的退订码', en: 'not a token this service issued' },
      },
    ],
  });

/** Checks the token without changing anything (the page a link opens shows what a click will do). */
export function addressOf(deps: Deps, token: string): string {
  const email = verifyUnsubscribeToken(deps.settings.unsubscribeSecret, token);
  if (email === null) throw invalidToken();
  return email;
}

export async function unsubscribe(deps: Deps, token: string): Promise<string> {
  const email = addressOf(deps, token);
  await deps.subscriptions.unsubscribe(email, deps.now());
  // The address only: it is what the person asked about, and nothing of an email body.
  deps.log.info({ unsubscribed: true }, 'bulletin unsubscribe');
  return email;
}
