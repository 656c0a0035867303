// Test identities: one key pair per test file, tokens per role and bank, and callers that inject requests as them.
import {
  createTokenVerifier,
  generateKeyPair,
  mint,
  type PrincipalInput,
  type TokenVerifier,
} from '@lianxin/platform/auth';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export type StaffRoleName = 'coordinator' | 'officer' | 'reviewer';

/** A liaison of a bank: `{ liaison: bankId, id?: liaisonId, name? }` (`id` becomes the token's `sub`). */
export interface LiaisonOf {
  liaison: string;
  id?: string;
  name?: string;
}

/** Someone as an object: a liaison of a bank, or full claims. */
export type Claims = LiaisonOf | PrincipalInput;

/** A role's default principal (`'coordinator'`), a liaison of a bank, or full claims. */
export type Who = StaffRoleName | Claims;

export interface TestAuth {
  /** The PEM public key, for a service started as a process (`JWT_PUBLIC_KEY`). */
  publicKey: string;
  /** The PEM private key, for a service that mints tokens itself (the console's gateway). */
  privateKey: string;
  /** What the app under test verifies tokens with (pass it as `auth`). */
  verifier: TokenVerifier;
  /** A signed, valid token for `who`. */
  token(who: Who): Promise<string>;
}

const STAFF_NAMES: Record<StaffRoleName, string> = {
  coordinator: '反诈中心协调员',
  officer: '民警',
  reviewer: '审核民警',
};

export function principalOf(who: Who): PrincipalInput {
  if (typeof who === 'string') return { sub: `${who}-1`, role: who, name: STAFF_NAMES[who] };
  if ('liaison' in who) {
    return {
      sub: who.id ?? `liaison-${who.liaison}`,
      role: 'liaison',
      bankId: who.liaison,
      name: who.name ?? '联络员',
    };
  }
  return who;
}

let shared: Promise<TestAuth> | undefined;

/** The test file's keys and token minting; the same instance for every call within a file. */
export function testAuth(): Promise<TestAuth> {
  shared ??= (async () => {
    const keys = await generateKeyPair();
    const verifier = await createTokenVerifier({
      publicKey: keys.publicKey,
      issuer: 'lianxin',
      audience: 'lianxin-api',
    });
    return {
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      verifier,
      token: (who) => mint(principalOf(who), { privateKey: keys.privateKey, expiresIn: '1h' }),
    };
  })();
  return shared;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `await as('POST', '/banks', body)`: one request through `inject()` as someone. */
export type Caller = (
  method: Method,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

/** A caller for `who` on `app` (signed with the file's `testAuth()` keys); `null` sends no token. */
export function caller(app: FastifyInstance, who: Who | null): Caller {
  const bearer = who === null ? Promise.resolve(undefined) : testAuth().then((a) => a.token(who));
  return async (method, url, body, headers = {}) => {
    const token = await bearer;
    const options: InjectOptions = {
      method,
      url,
      headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    };
    return app.inject(options);
  };
}
