// Verifies bearer JWTs with jose: EdDSA (Ed25519) only, issuer and audience pinned, claims checked with zod.
import { readFile } from 'node:fs/promises';
import { importSPKI, jwtVerify } from 'jose';
import type { CryptoKey } from 'jose';
import { ConfigError } from '../config/load-config.ts';
import type { AuthEnv } from '../config/fragments.ts';
import { TokenClaims } from './principal.ts';
import type { Principal } from './principal.ts';

export const TOKEN_ALGORITHM = 'EdDSA';
export const TOKEN_TYPE = 'JWT';
const MAX_TOKEN_LENGTH = 8192;

/** Why a token was refused; for logs only — clients always get the same 401. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
  readonly reason: string;

  constructor(reason: string, cause?: unknown) {
    super(`invalid token: ${reason}`, cause === undefined ? undefined : { cause });
    this.reason = reason;
  }
}

export interface TokenVerifier {
  /** Resolves with the principal, or rejects with `InvalidTokenError` — never anything else. */
  verify(token: string): Promise<Principal>;
}

export interface TokenVerifierOptions {
  /** SPKI PEM of the Ed25519 public key, or an imported key. */
  publicKey: string | CryptoKey;
  issuer: string;
  audience: string;
  /** Allowed clock skew between the issuer and this service. */
  clockToleranceSeconds?: number;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    // jose names the failing claim (nbf, aud, iss, exp, typ…): worth having in the log.
    return 'claim' in error && typeof error.claim === 'string'
      ? `${error.code}:${error.claim}`
      : error.code;
  }
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * The algorithm list is the defence against `alg: none` and against HS256 tokens signed with
 * the public key as an HMAC secret: jose refuses any `alg` not listed before touching the key.
 */
export async function createTokenVerifier(options: TokenVerifierOptions): Promise<TokenVerifier> {
  const key =
    typeof options.publicKey === 'string'
      ? await importSPKI(options.publicKey, TOKEN_ALGORITHM)
      : options.publicKey;
  const verifyOptions = {
    algorithms: [TOKEN_ALGORITHM],
    issuer: options.issuer,
    audience: options.audience,
    typ: TOKEN_TYPE,
    clockTolerance: options.clockToleranceSeconds ?? 5,
    // A token without an expiry would be valid forever.
    requiredClaims: ['exp', 'sub'],
  };
  return {
    async verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('too_long');
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, key, verifyOptions));
      } catch (error) {
        throw new InvalidTokenError(reasonOf(error), error);
      }
      const claims = TokenClaims.safeParse(payload);
      if (!claims.success) throw new InvalidTokenError('invalid_claims', claims.error);
      return claims.data;
    },
  };
}

/**
 * Builds the verifier from `authEnv`. Exactly one of JWT_PUBLIC_KEY and JWT_PUBLIC_KEY_FILE
 * must be set; that cross-key rule lives here because zod cannot extend refined objects.
 * Call it in main.ts before listening, so a bad key fails start-up.
 */
export async function tokenVerifierFromEnv(config: AuthEnv): Promise<TokenVerifier> {
  const { JWT_PUBLIC_KEY: inline, JWT_PUBLIC_KEY_FILE: file } = config;
  if (inline !== undefined && file !== undefined) {
    throw new ConfigError([
      {
        key: 'JWT_PUBLIC_KEY',
        message: 'set either JWT_PUBLIC_KEY or JWT_PUBLIC_KEY_FILE, not both',
      },
    ]);
  }
  let pem = inline;
  if (pem === undefined) {
    if (file === undefined) {
      throw new ConfigError([
        { key: 'JWT_PUBLIC_KEY', message: 'Required (or JWT_PUBLIC_KEY_FILE)' },
      ]);
    }
    try {
      pem = (await readFile(file, 'utf8')).trim();
    } catch (error) {
      throw new ConfigError([
        { key: 'JWT_PUBLIC_KEY_FILE', message: `cannot read ${file} (${reasonOf(error)})` },
      ]);
    }
  }
  try {
    return await createTokenVerifier({
      publicKey: pem,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    });
  } catch {
    throw new ConfigError([
      {
        key: inline === undefined ? 'JWT_PUBLIC_KEY_FILE' : 'JWT_PUBLIC_KEY',
        message: 'must be an Ed25519 public key in SPKI PEM',
      },
    ]);
  }
}
