// The public feedback link on the real database: the check-in code as the credential, the same 404 for a wrong code or session, once, the rate limit.
import { describe, expect, it } from 'vitest';
import { serviceHarness } from '@lianxin/testing';
import { outreachService } from '../service.ts';
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import {
  attendee,
  HOUR,
  liaisonToken,
  register,
  scheduleForum,
  seedBanks,
  token,
} from '../test-support/fixtures.ts';

// A small budget so the limit is reached in a test; each other test uses sessions of its own.
const MAX_FAILURES = 25;
const h = await serviceHarness(import.meta.url, outreachService, {
  env: { PUBLIC_FEEDBACK_MAX_FAILURES: String(MAX_FAILURES) },
});

interface ErrorJson {
  error: { code: string; message: { zh: string; en: string }; details?: Record<string, unknown>[] };
}
interface Seat {
  id: string;
  sessionId: string;
  code: string;
  token: string;
  liaison: string;
}

/** A forum starting in half an hour (check-in open) and one confirmed registration with its code. */
async function seat(): Promise<Seat> {
  const [bank] = await seedBanks(h.db, 1);
  if (!bank) throw new Error('no bank');
  const sessionId = await scheduleForum(h, [bank], {
    capacity: 5,
    perBankQuota: null,
    startsInMs: HOUR / 2,
  });
  const liaison = await liaisonToken(bank);
  const reg = (await register(h, liaison, sessionId, attendee(1))).json<{
    id: string;
    checkInCode: string | null;
    checkInToken: string | null;
  }>();
  if (reg.checkInCode === null || reg.checkInToken === null) throw new Error('not seated');
  return { id: reg.id, sessionId, code: reg.checkInCode, token: reg.checkInToken, liaison };
}

async function checkedIn(): Promise<Seat> {
  const s = await seat();
  const res = await h.app.inject({
    method: 'POST',
    url: '/check-ins',
    payload: { token: s.token },
  });
  expect(res.statusCode).toBe(201);
  return s;
}

const BLUE = { attitude: 'blue', tone: 'blue', expression: 'blue' } as const;
const rate = (sessionId: string, body: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/sessions/${sessionId}/feedback`, payload: body });

describe('public feedback by check-in code', () => {
  it('when a checked-in attendee sends their code (as typed, lower case with a dash) and a red rating, then 201 without any token, a follow-up opens and the tally counts it', async () => {
    const s = await checkedIn();
    const typed = `${s.code.slice(0, 3)}-${s.code.slice(3)}`.toLowerCase();
    const res = await rate(s.sessionId, { code: typed, ...BLUE, tone: 'red', comment: '语速太快' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      registrationId: s.id,
      sessionId: s.sessionId,
      followUpOpened: true,
    });
    const officer = await token({ sub: 'officer-1', role: 'officer', name: '民警' });
    const summary = await h.app.inject({
      method: 'GET',
      url: `/sessions/${s.sessionId}/summary`,
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(summary.json()).toMatchObject({
      feedback: { responses: 1, tone: { red: 1, yellow: 0, blue: 0 } },
      followUps: [{ registrationId: s.id, comment: '语速太快', status: 'open' }],
    });
  });

  it('when the code is wrong, or right but for another session, or the session does not exist, then the same 404 naming the code', async () => {
    const a = await checkedIn();
    const b = await checkedIn();
    const wrongCode = await rate(a.sessionId, {
      code: a.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ',
      ...BLUE,
    });
    const otherSession = await rate(b.sessionId, { code: a.code, ...BLUE });
    const noSession = await rate('0123456789abcdef01234567', { code: a.code, ...BLUE });
    for (const res of [wrongCode, otherSession, noSession]) {
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorJson>().error).toMatchObject({
        code: 'NOT_FOUND',
        details: [{ path: 'code', rule: 'unknown' }],
      });
    }
    expect(new Set([wrongCode.body, otherSession.body, noSession.body]).size).toBe(1);
    const stored = await h.models.registrations.findById(a.id).lean<RegistrationDoc>();
    expect(stored?.feedback).toBeNull();
  });

  it('when the attendee sends it twice, or 20 times at once, then one is kept and the others are 409 FEEDBACK_ALREADY_SUBMITTED', async () => {
    const s = await checkedIn();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rate(s.sessionId, { code: s.code, ...BLUE, comment: `第${i}次` }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([
      201,
      ...Array<number>(19).fill(409),
    ]);
    const again = await rate(s.sessionId, { code: s.code, ...BLUE });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorJson>().error.code).toBe('FEEDBACK_ALREADY_SUBMITTED');
    const stored = await h.models.registrations.findById(s.id).lean<RegistrationDoc>();
    // Confirmed (1), checked in (2), one feedback (3).
    expect(stored?.version).toBe(3);
  });

  it('when the attendee has a seat but was not checked in, or cancelled, then 409 and nothing is recorded', async () => {
    const seated = await seat();
    const notCheckedIn = await rate(seated.sessionId, { code: seated.code, ...BLUE });
    expect(notCheckedIn.statusCode).toBe(409);
    expect(notCheckedIn.json<ErrorJson>().error).toMatchObject({
      code: 'CONFLICT',
      message: { zh: '签到后才能评价' },
    });
    const cancelled = await seat();
    const withdrawn = await h.app.inject({
      method: 'DELETE',
      url: `/sessions/${cancelled.sessionId}/registrations/${cancelled.id}`,
      headers: { authorization: `Bearer ${cancelled.liaison}` },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((await rate(cancelled.sessionId, { code: cancelled.code, ...BLUE })).statusCode).toBe(
      409,
    );
    for (const id of [seated.id, cancelled.id]) {
      const stored = await h.models.registrations.findById(id).lean<RegistrationDoc>();
      expect(stored?.feedback).toBeNull();
    }
  });

  it('when the body has an unknown field or a code of the wrong shape, then 400 naming the field', async () => {
    const s = await checkedIn();
    const extra = await rate(s.sessionId, { code: s.code, ...BLUE, token: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<ErrorJson>().error.details?.[0]).toMatchObject({ path: 'token' });
    const shape = await rate(s.sessionId, { code: 'O0I1L', ...BLUE });
    expect(shape.statusCode).toBe(400);
    expect(shape.json<ErrorJson>().error.details?.[0]).toMatchObject({ path: 'code' });
  });

  it('when a session takes more wrong codes than its budget (200 guesses at once), then it answers 429 with Retry-After to everyone, a right code too, and other sessions are unaffected', async () => {
    const s = await checkedIn();
    const other = await checkedIn();
    const A = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
    const wrong = Array.from(
      { length: 200 },
      (_, i) => `ZZZ${A.charAt(i % 31)}${A.charAt(Math.floor(i / 31))}Z`,
    ).filter((c) => c !== s.code);
    const guesses = await Promise.all(wrong.map((code) => rate(s.sessionId, { code, ...BLUE })));
    const statuses = guesses.map((r) => r.statusCode);
    // Counted as they arrive, not once answered: exactly the budget is let through at once.
    expect(statuses.filter((x) => x === 404).length).toBe(MAX_FAILURES);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
    expect(statuses.every((x) => x === 404 || x === 429)).toBe(true);
    const right = await rate(s.sessionId, { code: s.code, ...BLUE });
    expect(right.statusCode).toBe(429);
    expect(right.json<ErrorJson>().error.code).toBe('RATE_LIMITED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await h.models.registrations.findById(s.id).lean<RegistrationDoc>())?.feedback,
    ).toBeNull();
    expect((await rate(other.sessionId, { code: other.code, ...BLUE })).statusCode).toBe(201);
  });
});
