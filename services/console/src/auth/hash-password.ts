// Password hashing with argon2id (@node-rs/argon2: prebuilt binaries, no compiler needed).
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (also the library's defaults, pinned here).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  // The library's default algorithm is argon2id; the PHC string it returns names it ($argon2id$).
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a refusal, not a 500.
    return false;
  }
}

// A hash of a random password: checked when the email is unknown, so a miss takes as long as a hit.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${String(Math.random())}`);
  return decoy;
}
