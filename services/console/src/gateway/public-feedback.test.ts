// The gateway's one public route against a real outreach: an attendee's feedback by check-in code without signing in, counted per client address.
import { outreachService } from '@lianxin/outreach/src/service.ts';
import {
  attendee,
  HOUR,
  liaisonToken,
  register,
  scheduleForum,
  seedBanks,
} from '@lianxin/outreach/src/test-support/fixtures.ts';
import { serviceHarness, testAuth } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { consoleService } from '../service.ts';

const PER_IP = 3;
const auth = await testAuth();
const outreach = await serviceHarness(import.meta.url, outreachService, { ownDatabase: true });
const outreachUrl = await outreach.app.listen({ port: 0, host: '127.0.0.1' });
const h = await serviceHarness(import.meta.url, consoleService, {
  ownDatabase: true,
  env: {
    JWT_PRIVATE_KEY: auth.privateKey,
    OUTREACH_URL: outreachUrl,
    PUBLIC_FEEDBACK_MAX_FAILURES_PER_IP: String(PER_IP),
  },
});

/** A forum in half an hour with one attendee checked in; their session and code. */
async function checkedIn(): Promise<{ sessionId: string; code: string; token: string }> {
  const [bank] = await seedBanks(outreach.db, 1);
  if (!bank) throw new Error('no bank');
  const sessionId = await scheduleForum(outreach, [bank], {
    capacity: 5,
    perBankQuota: null,
    startsInMs: HOUR / 2,
  });
  const reg = (await register(outreach, await liaisonToken(bank), sessionId, attendee(1))).json<{
    checkInCode: string;
    checkInToken: string;
  }>();
  const scanned = await outreach.app.inject({
    method: 'POST',
    url: '/check-ins',
    payload: { token: reg.checkInToken },
  });
  expect(scanned.statusCode).toBe(201);
  return { sessionId, code: reg.checkInCode, token: reg.checkInToken };
}

const BLUE = { attitude: 'blue', tone: 'yellow', expression: 'blue' };
const anonymous = (
  url: string,
  payload: unknown,
  remoteAddress = '198.51.100.7',
  method = 'POST',
) =>
  h.app.inject({
    method: method as 'POST',
    url,
    payload: payload as Record<string, unknown>,
    remoteAddress,
  });

describe('the public feedback route through the gateway', () => {
  it('when nobody is signed in and the code is right, then the feedback reaches outreach (201) — no cookie, no CSRF token, no service token', async () => {
    const s = await checkedIn();
    const res = await anonymous(`/api/outreach/sessions/${s.sessionId}/feedback`, {
      code: s.code.toLowerCase(),
      ...BLUE,
      comment: null,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sessionId: s.sessionId, followUpOpened: false });
  });

  it('when nobody is signed in, then every other outreach path — the token feedback, check-ins, a GET of the same path — is still 401', async () => {
    const s = await checkedIn();
    const refused = await Promise.all([
      anonymous('/api/outreach/feedback', { token: s.token, ...BLUE }),
      anonymous(`/api/outreach/sessions/${s.sessionId}/check-ins`, { code: s.code }),
      anonymous(`/api/outreach/sessions/${s.sessionId}/feedback`, undefined, undefined, 'GET'),
      anonymous(`/api/outreach/sessions/${s.sessionId}/summary`, undefined, undefined, 'GET'),
      anonymous(`/api/banks/sessions/${s.sessionId}/feedback`, { code: s.code, ...BLUE }),
    ]);
    expect(refused.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
  });

  it('when one address sends 200 wrong codes at once, then only its budget reaches outreach (404) and the rest are 429; another address is not held back', async () => {
    const s = await checkedIn();
    const url = `/api/outreach/sessions/${s.sessionId}/feedback`;
    const guesses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        anonymous(
          url,
          { code: `ZZZ${'23456789ABCDEFGHJKMNPQRSTUVWXYZ'.charAt(i % 31)}ZZ`, ...BLUE },
          '203.0.113.9',
        ),
      ),
    );
    const statuses = guesses.map((r) => r.statusCode);
    expect(statuses.filter((x) => x === 404)).toHaveLength(PER_IP);
    expect(statuses.filter((x) => x === 429)).toHaveLength(200 - PER_IP);
    const limited = guesses.find((r) => r.statusCode === 429);
    expect(limited?.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    // The right code from the same address is refused too while the window lasts…
    expect((await anonymous(url, { code: s.code, ...BLUE }, '203.0.113.9')).statusCode).toBe(429);
    // …and accepted from the attendee's own phone.
    expect((await anonymous(url, { code: s.code, ...BLUE }, '198.51.100.20')).statusCode).toBe(201);
  });
});
