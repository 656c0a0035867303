// What the officer's check-in box and the camera hand over: a typed code, or a QR code's signed token.
import type { CheckInInput } from './api.ts';

/** The signed token is `<registration>.<session>.<signature>`, far longer than a typed code. */
const TOKEN_SHAPE = /^[0-9a-f]{24}\.[0-9a-f]{24}\.[\w-]+$/;

/**
 * The request body for what was typed, pasted or decoded: the token when it has the token's shape
 * (the camera, or a USB scanner that types it), else the code as typed (the server normalises it);
 * null for an empty box.
 */
export function checkInBody(text: string): CheckInInput | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return TOKEN_SHAPE.test(trimmed) ? { token: trimmed } : { code: trimmed };
}
