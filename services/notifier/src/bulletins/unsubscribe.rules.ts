// The one-click unsubscribe token: the recipient's address, signed, so a link can stop only its own emails.
import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'lianxin-unsubscribe-v1';

function signature(secret: string, email: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${email}`).digest();
}

/** `<address, base64url>.<HMAC-SHA256, base64url>`: opaque to the reader, checkable without any lookup. */
export function unsubscribeToken(secret: string, email: string): string {
  return `${Buffer.from(email, 'utf8').toString('base64url')}.${signature(secret, email).toString('base64url')}`;
}

/** The address a token was issued for, or null when it was not issued with this secret (or was altered). */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  const email = Buffer.from(match[1], 'base64url').toString('utf8');
  const given = Buffer.from(match[2], 'base64url');
  const expected = signature(secret, email);
  return given.length === expected.length && timingSafeEqual(given, expected) ? email : null;
}
