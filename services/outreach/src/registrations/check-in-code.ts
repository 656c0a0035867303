// The short check-in code a person types at the venue: drawn when a seat is confirmed, unique within its session (ADR 032).
import { randomInt } from 'node:crypto';
import { CHECK_IN_CODE_ALPHABET, CHECK_IN_CODE_LENGTH } from '@lianxin/contracts';
import { isDuplicateKey } from '@lianxin/platform/db';

/** How many codes a confirmation draws before it gives up: 31^6 codes make a second clash within one session all but impossible. */
export const CODE_ATTEMPTS = 5;

/** A fresh code from the unambiguous alphabet, from the operating system's random source. */
export function drawCheckInCode(): string {
  let code = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i += 1) {
    code += CHECK_IN_CODE_ALPHABET.charAt(randomInt(CHECK_IN_CODE_ALPHABET.length));
  }
  return code;
}

/**
 * Runs the write that seats a registration with a fresh code (in the document and its event). The
 * unique index on (sessionId, checkInCode) refuses a code another registration of the session
 * holds — a refused write changes nothing — so a clash draws again. Returns the code written, or
 * null when the write matched nothing (another writer seated it first).
 */
export async function withFreshCode(
  write: (code: string) => Promise<boolean>,
  draw: () => string = drawCheckInCode,
): Promise<string | null> {
  for (let attempt = 1; ; attempt += 1) {
    const code = draw();
    try {
      return (await write(code)) ? code : null;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

/**
 * What a registration stores in `checkInCode` before it has a seat: unique to it, so the unique
 * index on (sessionId, checkInCode) never sees two empty values (FerretDB has no partial index,
 * and a null would collide with the next one).
 */
export function noCodeYet(registrationId: string): string {
  return `#${registrationId}`;
}

/** The registration's code, or null while it has none (not yet seated, or registered before codes existed). */
export function codeOf(reg: { checkInCode?: string | undefined }): string | null {
  const stored = reg.checkInCode;
  return stored === undefined || stored.startsWith('#') ? null : stored;
}

/** What a person typed, as stored: capitals, without the spaces and dashes people add when reading it out. */
export function normaliseCheckInCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
