// Tests for rate limiting: per user when the token verifies, per IP otherwise, answered as 429 RATE_LIMITED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../auth/keys.ts';
import { mint } from '../auth/mint.ts';
import { createTokenVerifier } from '../auth/verify-token.ts';
import { createApp } from './create-app.ts';
import { ErrorBody } from '@lianxin/contracts';
import type { App } from './create-app.ts';

let app: App;
let privateKey: string;

beforeAll(async () => {
  const keys = await generateKeyPair();
  privateKey = keys.privateKey;
  app = await createApp({
    auth: await createTokenVerifier({
      publicKey: keys.publicKey,
      issuer: 'lianxin',
      audience: 'lianxin-api',
    }),
    rateLimit: { max: 3, timeWindow: 60_000 },
  });
  app.get('/sessions', { onRequest: [app.authenticate] }, () => ({ ok: true }));
  app.get('/public', () => ({ ok: true }));
});
afterAll(async () => {
  await app.close();
});

async function tokenFor(sub: string): Promise<string> {
  return mint({ sub, role: 'officer', name: sub }, { privateKey, expiresIn: '1h' });
}

async function get(url: string, options: { token?: string; ip?: string } = {}) {
  return app.inject({
    method: 'GET',
    url,
    remoteAddress: options.ip ?? '10.0.0.1',
    headers: options.token === undefined ? {} : { authorization: `Bearer ${options.token}` },
  });
}

describe('rate limiting', () => {
  it('when one user exceeds the limit, then they get 429 RATE_LIMITED while a colleague behind the same IP does not', async () => {
    const [alice, bob] = await Promise.all([tokenFor('alice'), tokenFor('bob')]);
    for (let i = 0; i < 3; i += 1) {
      expect((await get('/sessions', { token: alice, ip: '10.0.0.9' })).statusCode).toBe(200);
    }
    const limited = await get('/sessions', { token: alice, ip: '10.0.0.9' });
    expect(limited.statusCode).toBe(429);
    const body = ErrorBody.parse(limited.json());
    expect(body.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: { zh: '请求过于频繁，请稍后再试' },
      details: [{ rule: 'rate_limit' }],
    });
    expect(body.error.details?.[0]?.['retryAfterSeconds']).toBeGreaterThan(0);
    expect(limited.headers['retry-after']).toBeDefined();

    expect((await get('/sessions', { token: bob, ip: '10.0.0.9' })).statusCode).toBe(200);
  });

  it('when a user changes IP, then their budget follows them', async () => {
    const carol = await tokenFor('carol');
    for (let i = 0; i < 3; i += 1) {
      expect((await get('/sessions', { token: carol, ip: `10.0.1.${i}` })).statusCode).toBe(200);
    }
    expect((await get('/sessions', { token: carol, ip: '10.0.1.99' })).statusCode).toBe(429);
  });

  it('when requests are anonymous or carry a bad token, then they share the IP’s budget', async () => {
    const ip = '10.0.2.1';
    expect((await get('/public', { ip })).statusCode).toBe(200);
    expect((await get('/public', { ip, token: 'abc.def.ghi' })).statusCode).toBe(200);
    expect((await get('/public', { ip })).statusCode).toBe(200);
    expect((await get('/public', { ip, token: 'forged.token.value' })).statusCode).toBe(429);
    expect((await get('/public', { ip: '10.0.2.2' })).statusCode).toBe(200);
  });
});
