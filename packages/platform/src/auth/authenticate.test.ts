// Tests that every bad token answers 401 (never 500) and a disallowed role 403, through app.inject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPKCS8, SignJWT, UnsecuredJWT } from 'jose';
import { createApp } from '../http/create-app.ts';
import type { App } from '../http/create-app.ts';
import { ErrorBody } from '../errors/index.ts';
import { principalOf, requireRole } from './authenticate.ts';
import { generateKeyPair } from './keys.ts';
import type { PemKeyPair } from './keys.ts';
import { mint } from './mint.ts';
import { createTokenVerifier } from './verify-token.ts';
import type { TokenVerifier } from './verify-token.ts';

let app: App;
let verifier: TokenVerifier;
let keys: PemKeyPair;
let otherKeys: PemKeyPair;

const coordinator = { sub: 'u-coord', role: 'coordinator', name: '王协调' } as const;
const liaison = { sub: 'u-liaison', role: 'liaison', bankId: 'bank-1', name: '李联络' } as const;

beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateKeyPair(), generateKeyPair()]);
  verifier = await createTokenVerifier({
    publicKey: keys.publicKey,
    issuer: 'lianxin',
    audience: 'lianxin-api',
  });
  app = await createApp({ auth: verifier });
  app.get('/me', { onRequest: [app.authenticate] }, (request) => principalOf(request));
  app.post('/sessions', { onRequest: [app.authenticate, requireRole('coordinator')] }, () => ({
    ok: true,
  }));
  app.get('/open', (request) => ({ principal: request.principal }));
});
afterAll(async () => {
  await app.close();
});

async function call(token: string | undefined, url = '/me', method: 'GET' | 'POST' = 'GET') {
  const headers: Record<string, string> =
    token === undefined ? {} : { authorization: `Bearer ${token}` };
  return app.inject({ method, url, headers });
}

interface SignOptions {
  header?: { alg: string; typ?: string };
  configure?: (jwt: SignJWT) => SignJWT;
  privateKey?: string;
}

/** A correctly signed token with arbitrary claims and header, to probe each rule in isolation. */
async function sign(payload: Record<string, unknown>, options: SignOptions = {}): Promise<string> {
  const key = await importPKCS8(options.privateKey ?? keys.privateKey, 'EdDSA');
  const jwt = new SignJWT(payload)
    .setProtectedHeader(options.header ?? { alg: 'EdDSA', typ: 'JWT' })
    .setIssuer('lianxin')
    .setAudience('lianxin-api')
    .setSubject('u-1')
    .setIssuedAt();
  const configured = options.configure?.(jwt) ?? jwt.setExpirationTime('1h');
  return configured.sign(key);
}

function expectUnauthorized(response: Awaited<ReturnType<typeof call>>): void {
  expect(response.statusCode).toBe(401);
  expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="lianxin"/);
  expect(ErrorBody.parse(response.json()).error.code).toBe('UNAUTHORIZED');
}

describe('authentication', () => {
  it('when the token is valid, then the principal is available to the handler', async () => {
    const response = await call(
      await mint(liaison, { privateKey: keys.privateKey, expiresIn: '1h' }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(liaison);
  });

  it('when there is no Authorization header, then 401 with a plain Bearer challenge', async () => {
    const response = await call(undefined);
    expectUnauthorized(response);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="lianxin"');
  });

  const officer = { role: 'officer', name: 'x' };
  const attacks: [string, () => Promise<string>, string][] = [
    [
      'alg none',
      () =>
        Promise.resolve(
          new UnsecuredJWT({ role: 'coordinator', name: 'x' })
            .setSubject('u-1')
            .setIssuer('lianxin')
            .setAudience('lianxin-api')
            .setExpirationTime('1h')
            .encode(),
        ),
      'ERR_JOSE_ALG_NOT_ALLOWED',
    ],
    [
      'HS256 signed with the public key as secret (alg confusion)',
      () =>
        new SignJWT(officer)
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject('u-1')
          .setIssuer('lianxin')
          .setAudience('lianxin-api')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(keys.publicKey)),
      'ERR_JOSE_ALG_NOT_ALLOWED',
    ],
    [
      'signed by another key',
      () => mint(coordinator, { privateKey: otherKeys.privateKey, expiresIn: '1h' }),
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    ],
    [
      'expired',
      () =>
        sign(officer, {
          configure: (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 60),
        }),
      'ERR_JWT_EXPIRED:exp',
    ],
    [
      'not yet valid',
      () => sign(officer, { configure: (jwt) => jwt.setExpirationTime('2h').setNotBefore('10m') }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED:nbf',
    ],
    [
      'for the wrong audience',
      () =>
        mint(coordinator, { privateKey: keys.privateKey, expiresIn: '1h', audience: 'other-api' }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED:aud',
    ],
    [
      'from the wrong issuer',
      () => mint(coordinator, { privateKey: keys.privateKey, expiresIn: '1h', issuer: 'evil' }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED:iss',
    ],
    ['a liaison without bankId', () => sign({ role: 'liaison', name: 'x' }), 'invalid_claims'],
    [
      'a coordinator with a bankId',
      () => sign({ role: 'coordinator', name: 'x', bankId: 'bank-1' }),
      'invalid_claims',
    ],
    ['an unknown role', () => sign({ role: 'admin', name: 'x' }), 'invalid_claims'],
    ['missing the name', () => sign({ role: 'officer' }), 'invalid_claims'],
    [
      'without expiry',
      () => sign(officer, { configure: (jwt) => jwt }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED:exp',
    ],
    [
      'of another typ',
      () => sign(officer, { header: { alg: 'EdDSA', typ: 'at+jwt' } }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED:typ',
    ],
    ['garbage in three parts', () => Promise.resolve('abc.def.ghi'), 'ERR_JWS_INVALID'],
    [
      'a tampered payload',
      async () => {
        const token = await mint(liaison, { privateKey: keys.privateKey, expiresIn: '1h' });
        const [header = '', , signature = ''] = token.split('.');
        const forged = Buffer.from(
          JSON.stringify({
            ...liaison,
            bankId: 'bank-2',
            iss: 'lianxin',
            aud: 'lianxin-api',
            exp: 9_999_999_999,
          }),
        ).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    ],
  ];

  it.each(attacks)(
    'when the token is %s, then 401 UNAUTHORIZED, never 500',
    async (_name, makeToken, reason) => {
      const token = await makeToken();
      const response = await call(token);
      expectUnauthorized(response);
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="lianxin", error="invalid_token"',
      );
      // Refused for the intended reason, not by accident earlier on.
      await expect(verifier.verify(token)).rejects.toMatchObject({ reason });
    },
  );

  it.each([
    ['Basic credentials', 'Basic dXNlcjpwYXNz'],
    ['an empty Bearer', 'Bearer'],
    ['not a JWT', 'Bearer not a jwt'],
    ['a 9000-character token', `Bearer ${'a'.repeat(9000)}.b.c`],
  ])('when the Authorization header carries %s, then 401', async (_name, header) => {
    const response = await app.inject({
      method: 'GET',
      url: '/me',
      headers: { authorization: header },
    });
    expectUnauthorized(response);
  });

  it('when the role is not allowed, then 403 FORBIDDEN', async () => {
    const token = await mint(liaison, { privateKey: keys.privateKey, expiresIn: '1h' });
    const response = await call(token, '/sessions', 'POST');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
      },
    });
  });

  it('when the role is allowed, then the route runs', async () => {
    const token = await mint(coordinator, { privateKey: keys.privateKey, expiresIn: '1h' });
    expect((await call(token, '/sessions', 'POST')).statusCode).toBe(200);
  });

  it('when a bad token is sent to a bad body on a protected route, then 401 comes before validation', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { authorization: 'Bearer abc.def.ghi', 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(response.statusCode).toBe(401);
  });

  it('when a route does not authenticate, then request.principal stays null even with a valid token', async () => {
    const token = await mint(coordinator, { privateKey: keys.privateKey, expiresIn: '1h' });
    const response = await call(token, '/open');
    expect(response.json()).toEqual({ principal: null });
  });

  it('when no verifier is configured, then authenticated routes answer 401', async () => {
    const bare = await createApp();
    bare.get('/me', { onRequest: [bare.authenticate] }, () => ({ ok: true }));
    const token = await mint(coordinator, { privateKey: keys.privateKey, expiresIn: '1h' });
    const response = await bare.inject({
      method: 'GET',
      url: '/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(401);
    await bare.close();
  });
});

describe('mint', () => {
  it('when a liaison has no bankId, then mint refuses to sign', async () => {
    const claims = { sub: 'u', role: 'liaison', name: 'x' } as unknown as Parameters<
      typeof mint
    >[0];
    await expect(mint(claims, { privateKey: keys.privateKey, expiresIn: '1h' })).rejects.toThrow(
      /bankId/,
    );
  });
});
