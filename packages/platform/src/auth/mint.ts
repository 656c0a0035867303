// Signs Lianxin access tokens; for tests, the demo and `pnpm token` — production tokens come from the console.
import { importPKCS8, SignJWT } from 'jose';
import type { CryptoKey } from 'jose';
import { TokenClaims } from './principal.ts';
import type { PrincipalInput } from './principal.ts';
import { TOKEN_ALGORITHM, TOKEN_TYPE } from './verify-token.ts';

export interface MintOptions {
  /** PKCS8 PEM of the Ed25519 private key, or an imported key. */
  privateKey: string | CryptoKey;
  /** A jose time span (`'8h'`, `'15m'`) or a number of seconds. */
  expiresIn: string | number;
  issuer?: string;
  audience?: string;
}

/** Signs a token for `claims`; throws (zod) for claims a verifier would refuse, e.g. a liaison without bankId. */
export async function mint(claims: PrincipalInput, options: MintOptions): Promise<string> {
  const { sub, ...rest } = TokenClaims.parse(claims);
  const key =
    typeof options.privateKey === 'string'
      ? await importPKCS8(options.privateKey, TOKEN_ALGORITHM)
      : options.privateKey;
  const expiresIn =
    typeof options.expiresIn === 'number' ? `${options.expiresIn}s` : options.expiresIn;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: TOKEN_TYPE })
    .setSubject(sub)
    .setIssuer(options.issuer ?? 'lianxin')
    .setAudience(options.audience ?? 'lianxin-api')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}
