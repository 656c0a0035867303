// The short check-in code on the real database and broker: given with the seat, unique per session, typed by an officer once.
import { AnyEnvelope, CheckInCode, Topics } from '@lianxin/contracts';
import { readTopic, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import { codeOf, withFreshCode } from '../registrations/check-in-code.ts';
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import {
  attendee,
  HOUR,
  liaisonToken,
  register,
  scheduleForum,
  seedBanks,
  token,
  type SeededBank,
} from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, outreachService);

interface ErrorJson {
  error: { code: string; details?: { path: string; rule: string; checkedInAt?: string }[] };
}
interface Registered {
  id: string;
  status: string;
  checkInCode: string | null;
  checkInToken: string | null;
}

/** Seats of the forum whose codes are compared (one more attendee waits). */
const SEATS = 8;
/** The heavier tests' budget: they wait for the relay and Kafka on a shared, loaded machine. */
const SLOW = 150_000;

const officer = () => token({ sub: 'officer-li', role: 'officer', name: '李警官' });

async function forum(capacity: number, startsInMs = HOUR / 2): Promise<[SeededBank, string]> {
  const [bank] = await seedBanks(h.db, 1);
  if (!bank) throw new Error('no bank');
  return [bank, await scheduleForum(h, [bank], { capacity, perBankQuota: null, startsInMs })];
}

async function registerOne(bank: SeededBank, sessionId: string, n: number): Promise<Registered> {
  const res = await register(h, await liaisonToken(bank), sessionId, attendee(n));
  if (res.statusCode !== 201) throw new Error(`not registered: ${res.body}`);
  return res.json<Registered>();
}

function checkInBy(sessionId: string, auth: string, payload: Record<string, unknown>) {
  return h.app.inject({
    method: 'POST',
    url: `/sessions/${sessionId}/check-ins`,
    headers: { authorization: `Bearer ${auth}` },
    payload,
  });
}

const stored = (id: string) => h.models.registrations.findById(id).lean<RegistrationDoc>();

describe('check-in codes', () => {
  it(
    'when 8 seats are confirmed, then each registration gets its own 6-character code, shown to its liaison and carried by registration.confirmed; a waitlisted one has none until promoted',
    async () => {
      const [bank, sessionId] = await forum(SEATS);
      const regs = await Promise.all(
        Array.from({ length: SEATS + 1 }, (_, n) => registerOne(bank, sessionId, n)),
      );
      const seated = regs.filter((r) => r.status === 'confirmed');
      const waiting = regs.find((r) => r.status === 'waitlisted');
      expect(seated).toHaveLength(SEATS);
      for (const r of seated) expect(CheckInCode.safeParse(r.checkInCode).success).toBe(true);
      expect(new Set(seated.map((r) => r.checkInCode)).size).toBe(SEATS);
      expect(waiting?.checkInCode).toBeNull();
      for (const r of seated) expect(codeOf((await stored(r.id)) ?? {})).toBe(r.checkInCode);

      // A seat frees: the waiting one is promoted and gets a code too, in its event.
      const first = seated[0];
      if (!first || !waiting) throw new Error('no registrations');
      await h.app.inject({
        method: 'DELETE',
        url: `/sessions/${sessionId}/registrations/${first.id}`,
        headers: { authorization: `Bearer ${await liaisonToken(bank)}` },
      });
      const promoted = await stored(waiting.id);
      expect(promoted?.status).toBe('confirmed');
      const promotedCode = codeOf(promoted ?? {});
      expect(CheckInCode.safeParse(promotedCode).success).toBe(true);

      const messages = await readTopic(h.env.kafkaBrokers, h.topic(Topics.registrations), {
        until: (m) =>
          m.filter(
            (x) => x.key === sessionId && /confirmed|promoted/.test(x.headers['event-type'] ?? ''),
          ).length >=
          SEATS + 1,
        timeoutMs: 30_000,
      });
      const codes = new Map(
        messages
          .filter((x) => x.key === sessionId)
          .map((x) => AnyEnvelope.parse(JSON.parse(x.value ?? 'null')))
          .filter((e) => e.type === 'registration.confirmed' || e.type === 'registration.promoted')
          .map((e) => [e.subject, (e.data as { checkInCode?: string }).checkInCode]),
      );
      for (const r of seated) expect(codes.get(r.id)).toBe(r.checkInCode);
      expect(codes.get(waiting.id)).toBe(promotedCode);
    },
    SLOW,
  );

  it(
    'when a drawn code is already held in the session, then the unique index refuses it and a fresh one is drawn',
    async () => {
      const [bank, sessionId] = await forum(5);
      const a = await registerOne(bank, sessionId, 1);
      const b = await registerOne(bank, sessionId, 2);
      if (a.checkInCode === null || b.checkInCode === null) throw new Error('no codes');
      const draws = [a.checkInCode, 'WXYZ23'];
      const tried: string[] = [];
      const written = await withFreshCode(
        async (code) => {
          tried.push(code);
          const res = await h.models.registrations.updateOne(
            { _id: b.id },
            { $set: { checkInCode: code } },
          );
          return res.matchedCount === 1;
        },
        () => draws.shift() ?? 'ZZZZZZ',
      );
      expect(tried).toEqual([a.checkInCode, 'WXYZ23']);
      expect(written).toBe('WXYZ23');
      expect(codeOf((await stored(b.id)) ?? {})).toBe('WXYZ23');
      expect(codeOf((await stored(a.id)) ?? {})).toBe(a.checkInCode);
    },
    SLOW,
  );
});

describe('POST /sessions/:sessionId/check-ins', () => {
  it(
    'when an officer types the code (lower case, with a dash), then 201 with the name, bank and masked mobile; typed again, then 409 ALREADY_CHECKED_IN',
    async () => {
      const [bank, sessionId] = await forum(5);
      const reg = await registerOne(bank, sessionId, 7);
      const code = reg.checkInCode ?? '';
      const typed = `${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase();
      const auth = await officer();

      const res = await checkInBy(sessionId, auth, { code: typed });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<{
        registrationId: string;
        bankId: string;
        method: string;
        attendee: { name: string; mobile: string };
      }>();
      expect(body).toMatchObject({
        registrationId: reg.id,
        bankId: bank.bankId,
        method: 'officer',
      });
      expect(body.attendee.name).toBe('员工7');
      expect(body.attendee.mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect((await stored(reg.id))?.checkIn).toMatchObject({
        method: 'officer',
        by: 'officer-li',
      });

      const again = await checkInBy(sessionId, auth, { code });
      expect(again.statusCode).toBe(409);
      expect(again.json<ErrorJson>().error.code).toBe('ALREADY_CHECKED_IN');
    },
    SLOW,
  );

  it(
    'when the same code is checked in 200 times at once, then exactly one 201 and 199 × 409 ALREADY_CHECKED_IN, and one event',
    async () => {
      const [bank, sessionId] = await forum(5);
      const reg = await registerOne(bank, sessionId, 1);
      const auth = await officer();
      const responses = await Promise.all(
        Array.from({ length: 200 }, () => checkInBy(sessionId, auth, { code: reg.checkInCode })),
      );
      const statuses = responses.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(199);
      const codes = responses.filter((r) => r.statusCode === 409).map((r) => r.json<ErrorJson>());
      expect(new Set(codes.map((e) => e.error.code))).toEqual(new Set(['ALREADY_CHECKED_IN']));
      // Confirmed (version 1), checked in (2): the 199 refused appended nothing.
      expect((await stored(reg.id))?.version).toBe(2);
    },
    SLOW,
  );

  it(
    'when the code is unknown in the session, or another session’s, then 404 naming the code',
    async () => {
      const [bank, sessionId] = await forum(5);
      const [otherBank, otherSession] = await forum(5);
      await registerOne(bank, sessionId, 1);
      const elsewhere = await registerOne(otherBank, otherSession, 2);
      const auth = await officer();
      for (const code of ['WXYZ23', elsewhere.checkInCode]) {
        const res = await checkInBy(sessionId, auth, { code });
        expect(res.statusCode).toBe(404);
        expect(res.json<ErrorJson>().error).toMatchObject({
          code: 'NOT_FOUND',
          details: [{ path: 'code', rule: 'unknown' }],
        });
      }
    },
    SLOW,
  );

  it(
    'when the code is malformed, the body has an unknown field, or neither or both of code and token, then 400 naming the field',
    async () => {
      const [, sessionId] = await forum(5);
      const auth = await officer();
      for (const code of ['AB12', 'O0I1L2', '']) {
        const res = await checkInBy(sessionId, auth, { code });
        expect(res.statusCode).toBe(400);
        const error = res.json<ErrorJson>().error;
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.details?.some((d) => d.path === 'code')).toBe(true);
      }
      const extra = await checkInBy(sessionId, auth, { code: 'WXYZ23', seat: 1 });
      expect(extra.statusCode).toBe(400);
      expect(extra.json<ErrorJson>().error.details?.map((d) => d.path)).toEqual(['seat']);
      for (const payload of [{}, { code: 'WXYZ23', token: 'a'.repeat(40) }]) {
        const res = await checkInBy(sessionId, auth, payload);
        expect(res.statusCode).toBe(400);
        expect(res.json<ErrorJson>().error.details?.map((d) => [d.path, d.rule])).toEqual([
          ['code', 'one_of'],
          ['token', 'one_of'],
        ]);
      }
    },
    SLOW,
  );

  it(
    'when a liaison calls it, then 403; without a token, 401',
    async () => {
      const [bank, sessionId] = await forum(5);
      const reg = await registerOne(bank, sessionId, 1);
      const res = await checkInBy(sessionId, await liaisonToken(bank), { code: reg.checkInCode });
      expect(res.statusCode).toBe(403);
      const anonymous = await h.app.inject({
        method: 'POST',
        url: `/sessions/${sessionId}/check-ins`,
        payload: { code: reg.checkInCode },
      });
      expect(anonymous.statusCode).toBe(401);
      expect((await stored(reg.id))?.checkIn).toBeNull();
    },
    SLOW,
  );

  it(
    'when the officer scans the QR token, then it is checked in as a scan by that officer; a token of another session is 404',
    async () => {
      const [bank, sessionId] = await forum(5);
      const [otherBank, otherSession] = await forum(5);
      const reg = await registerOne(bank, sessionId, 1);
      const elsewhere = await registerOne(otherBank, otherSession, 2);
      const auth = await officer();

      const wrong = await checkInBy(sessionId, auth, { token: elsewhere.checkInToken });
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json<ErrorJson>().error.details?.[0]?.path).toBe('token');

      const res = await checkInBy(sessionId, auth, { token: reg.checkInToken });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ method: string }>().method).toBe('qr');
      expect((await stored(reg.id))?.checkIn).toMatchObject({ method: 'qr', by: 'officer-li' });
    },
    SLOW,
  );

  it(
    'when the session starts in more than an hour, then 409 CHECK_IN_NOT_OPEN and nothing is recorded',
    async () => {
      const [bank, sessionId] = await forum(5, 3 * HOUR);
      const reg = await registerOne(bank, sessionId, 1);
      const res = await checkInBy(sessionId, await officer(), { code: reg.checkInCode });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorJson>().error.code).toBe('CHECK_IN_NOT_OPEN');
      expect((await stored(reg.id))?.checkIn).toBeNull();
    },
    SLOW,
  );
});
