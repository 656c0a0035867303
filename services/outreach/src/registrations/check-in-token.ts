// The signed check-in token a QR code carries: an HMAC over the registration and session ids.
import { createHmac, timingSafeEqual } from 'node:crypto';

function mac(secret: string, registrationId: string, sessionId: string): string {
  return createHmac('sha256', secret)
    .update(`checkin:${registrationId}:${sessionId}`)
    .digest('base64url');
}

export function signCheckInToken(
  secret: string,
  registrationId: string,
  sessionId: string,
): string {
  return `${registrationId}.${sessionId}.${mac(secret, registrationId, sessionId)}`;
}

/** The ids the token was issued for, or null when it is malformed or not ours. */
export function verifyCheckInToken(
  secret: string,
  token: string,
): { registrationId: string; sessionId: string } | null {
  const [registrationId, sessionId, signature, ...rest] = token.split('.');
  if (
    registrationId === undefined ||
    sessionId === undefined ||
    signature === undefined ||
    rest.length > 0
  ) {
    return null;
  }
  if (!/^[0-9a-f]{24}$/.test(registrationId) || !/^[0-9a-f]{24}$/.test(sessionId)) return null;
  const expected = Buffer.from(mac(secret, registrationId, sessionId));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { registrationId, sessionId };
}
