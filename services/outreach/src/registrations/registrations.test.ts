// Registrations through the HTTP API on the real database: confirm, waitlist, duplicates, window, scope, cancel and promote.
import { ERROR_STATUS } from '@lianxin/contracts';
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import {
  attendee,
  HOUR,
  liaisonToken,
  register as registerAs,
  scheduleForum,
  seedBanks,
  token,
  uniqueMobile,
  untilRegistrationsCancelled,
} from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, outreachService);

interface Reg {
  id: string;
  status: string;
  bankId: string;
  waitlist: { position: number; reason: string } | null;
  attendee: { mobile: string };
  mobileMasked: boolean;
  checkInToken: string | null;
}
interface ErrorJson {
  error: { code: string; details?: Record<string, unknown>[] };
}

const register = (token: string, sessionId: string, payload: Record<string, unknown>) =>
  registerAs(h, token, sessionId, payload);

async function cancel(token: string, sessionId: string, registrationId: string) {
  return h.app.inject({
    method: 'DELETE',
    url: `/sessions/${sessionId}/registrations/${registrationId}`,
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('registering attendees', () => {
  it('when a liaison registers one attendee, then 201 confirmed with a check-in token, the mobile shown to them and masked to an officer', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 10, perBankQuota: 5 });
    const mobile = uniqueMobile();
    const res = await register(await liaisonToken(bank), sessionId, attendee(1, mobile));
    expect(res.statusCode).toBe(201);
    const reg = res.json<Reg>();
    expect(reg).toMatchObject({
      status: 'confirmed',
      waitlist: null,
      mobileMasked: false,
      attendee: { mobile },
    });
    expect(reg.checkInToken).toMatch(/^[0-9a-f]{24}\.[0-9a-f]{24}\./);
    const officer = await token({ sub: 'officer-1', role: 'officer', name: '李警官' });
    const list = await h.app.inject({
      method: 'GET',
      url: `/sessions/${sessionId}/registrations`,
      headers: { authorization: `Bearer ${officer}` },
    });
    const [seen] = list.json<{ items: Reg[] }>().items;
    expect(seen?.attendee.mobile).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    expect(seen?.checkInToken).toBeNull();
  });

  it('when a batch goes past the bank quota and then the capacity, then each attendee gets its own result and place in order', async () => {
    const [a, b] = await seedBanks(h.db, 2);
    if (!a || !b) throw new Error('no banks');
    const sessionId = await scheduleForum(h, [a, b], { capacity: 3, perBankQuota: 2 });
    const batch = await register(await liaisonToken(a), sessionId, {
      attendees: [1, 2, 3].map((n) => attendee(n)),
    });
    expect(batch.statusCode).toBe(201);
    const results = batch.json<{ results: { index: number; registration: Reg | null }[] }>()
      .results;
    expect(results.map((r) => r.registration?.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    expect(results[2]?.registration?.waitlist).toEqual({ position: 1, reason: 'bank_quota' });
    const other = await register(await liaisonToken(b), sessionId, {
      attendees: [4, 5].map((n) => attendee(n)),
    });
    const second = other.json<{ results: { registration: Reg | null }[] }>().results;
    expect(second.map((r) => r.registration?.status)).toEqual(['confirmed', 'waitlisted']);
    expect(second[1]?.registration?.waitlist).toEqual({ position: 2, reason: 'capacity' });
  });

  it('when the same mobile is registered again, alone or in a batch, then 409 DUPLICATE_ATTENDEE without the number in the error', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 10, perBankQuota: null });
    const token = await liaisonToken(bank);
    const mobile = uniqueMobile();
    expect((await register(token, sessionId, attendee(1, mobile))).statusCode).toBe(201);
    const again = await register(
      token,
      sessionId,
      attendee(2, `+86 ${mobile.slice(0, 3)} ${mobile.slice(3)}`),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorJson>().error.code).toBe('DUPLICATE_ATTENDEE');
    expect(again.body).not.toContain(mobile);
    const batch = await register(token, sessionId, {
      attendees: [attendee(3), attendee(4, mobile)],
    });
    const results = batch.json<{
      results: { registration: Reg | null; error: { code: string } | null }[];
    }>().results;
    expect(results.map((r) => r.registration?.status ?? r.error?.code)).toEqual([
      'confirmed',
      'DUPLICATE_ATTENDEE',
    ]);
  });

  it('when the same mobile is registered 50 times at once, then exactly one registration exists', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 100, perBankQuota: null });
    const token = await liaisonToken(bank);
    const mobile = uniqueMobile();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) => register(token, sessionId, attendee(n, mobile))),
    );
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, ...Array<number>(49).fill(409)]);
    expect(await h.models.registrations.countDocuments({ sessionId })).toBe(1);
    const session = await h.models.sessions.findById(sessionId).lean<SessionDoc>();
    expect(session?.confirmedCount).toBe(1);
  });

  it('when a liaison of a bank that is not invited registers or reads the session, then 404 NOT_FOUND exactly as for a session that does not exist (ADR 019)', async () => {
    const [invited, outsider] = await seedBanks(h.db, 2);
    if (!invited || !outsider) throw new Error('no banks');
    const sessionId = await scheduleForum(h, [invited], { capacity: 10, perBankQuota: null });
    const outsiderToken = await liaisonToken(outsider);
    const res = await register(outsiderToken, sessionId, attendee(1));
    const unknown = await register(outsiderToken, '0123456789abcdef01234567', attendee(2));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(unknown.json());
    expect(res.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    // The catalogue has one code for "not yours or not there": no NOT_INVITED that would say it exists.
    expect(ERROR_STATUS.NOT_FOUND).toBe(404);
    expect(Object.keys(ERROR_STATUS)).not.toContain('NOT_INVITED');
    const read = await h.app.inject({
      method: 'GET',
      url: `/sessions/${sessionId}`,
      headers: { authorization: `Bearer ${outsiderToken}` },
    });
    expect(read.statusCode).toBe(404);
    expect(await h.models.registrations.countDocuments({ sessionId })).toBe(0);
  });

  it('when a deactivated liaison registers, then 403; when an officer tries, then 403', async () => {
    const [bank] = await seedBanks(h.db, 1, { liaisonActive: false });
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 10, perBankQuota: null });
    expect((await register(await liaisonToken(bank), sessionId, attendee(1))).statusCode).toBe(403);
    const officer = await token({ sub: 'officer-x', role: 'officer', name: '民警' });
    expect((await register(officer, sessionId, attendee(2))).statusCode).toBe(403);
  });

  it('when registration is not yet open or already closed, then 409 REGISTRATION_CLOSED with the window', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const opensAt = new Date(Date.now() + HOUR).toISOString();
    const sessionId = await scheduleForum(h, [bank], {
      capacity: 10,
      perBankQuota: null,
      extra: { registration: { opensAt } },
    });
    const token = await liaisonToken(bank);
    const early = await register(token, sessionId, attendee(1));
    expect(early.statusCode).toBe(409);
    const error = early.json<ErrorJson>().error;
    expect(error.code).toBe('REGISTRATION_CLOSED');
    expect(error.details?.[0]).toMatchObject({ opensAt });
    h.clock.offsetMs = 25 * HOUR; // past the start, so past the close
    try {
      expect((await register(token, sessionId, attendee(2))).statusCode).toBe(409);
    } finally {
      h.clock.offsetMs = 0;
    }
  });
});

describe('cancelling and promotion', () => {
  it('when a confirmed attendee cancels, then the earliest waiter whose bank is under quota is promoted, not an earlier one at quota', async () => {
    const [a, b] = await seedBanks(h.db, 2);
    if (!a || !b) throw new Error('no banks');
    const sessionId = await scheduleForum(h, [a, b], { capacity: 3, perBankQuota: 2 });
    const ta = await liaisonToken(a);
    const tb = await liaisonToken(b);
    const a1 = (await register(ta, sessionId, attendee(1))).json<Reg>();
    await register(ta, sessionId, attendee(2));
    const b1 = (await register(tb, sessionId, attendee(3))).json<Reg>();
    const a3 = (await register(ta, sessionId, attendee(4))).json<Reg>(); // waits: bank A at quota, then full
    const b2 = (await register(tb, sessionId, attendee(5))).json<Reg>(); // waits: full
    expect([a3.status, b2.status]).toEqual(['waitlisted', 'waitlisted']);

    // B frees a seat: A3 is first in the queue but A is at quota, so B2 takes it.
    const cancelled = await cancel(tb, sessionId, b1.id);
    expect(cancelled.json<Reg>().status).toBe('cancelled');
    const list = await h.app.inject({
      method: 'GET',
      url: `/sessions/${sessionId}/registrations`,
      headers: {
        authorization: `Bearer ${await token({ sub: 'c', role: 'coordinator', name: '协调员' })}`,
      },
    });
    const byId = new Map(list.json<{ items: Reg[] }>().items.map((r) => [r.id, r]));
    expect(byId.get(b2.id)?.status).toBe('confirmed');
    expect(byId.get(a3.id)).toMatchObject({ status: 'waitlisted', waitlist: { position: 1 } });

    // A frees a seat: now A3 is eligible.
    await cancel(ta, sessionId, a1.id);
    const after = await h.models.registrations.findById(a3.id).lean();
    expect(after?.status).toBe('confirmed');
    const session = await h.models.sessions.findById(sessionId).lean<SessionDoc>();
    expect(session).toMatchObject({ confirmedCount: 3, queue: [] });
  });

  it('when a liaison cancels another bank’s registration, then 404; after the start, then 409', async () => {
    const [a, b] = await seedBanks(h.db, 2);
    if (!a || !b) throw new Error('no banks');
    const sessionId = await scheduleForum(h, [a, b], { capacity: 5, perBankQuota: null });
    const reg = (await register(await liaisonToken(a), sessionId, attendee(1))).json<Reg>();
    expect((await cancel(await liaisonToken(b), sessionId, reg.id)).statusCode).toBe(404);
    h.clock.offsetMs = 25 * HOUR;
    try {
      expect((await cancel(await liaisonToken(a), sessionId, reg.id)).statusCode).toBe(409);
    } finally {
      h.clock.offsetMs = 0;
    }
  });

  it('when a cancelled attendee’s mobile is registered again, then it is accepted', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 5, perBankQuota: null });
    const token = await liaisonToken(bank);
    const mobile = uniqueMobile();
    const first = (await register(token, sessionId, attendee(1, mobile))).json<Reg>();
    await cancel(token, sessionId, first.id);
    expect((await register(token, sessionId, attendee(1, mobile))).statusCode).toBe(201);
  });

  it('when the session is cancelled, then every registration is cancelled with reason session_cancelled', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 2, perBankQuota: null });
    await register(await liaisonToken(bank), sessionId, {
      attendees: [1, 2, 3].map((n) => attendee(n)),
    });
    const coordinator = await token({ sub: 'c', role: 'coordinator', name: '协调员' });
    const res = await h.app.inject({
      method: 'POST',
      url: `/sessions/${sessionId}/cancel`,
      headers: { authorization: `Bearer ${coordinator}` },
      payload: { reason: '场地维修' },
    });
    expect(res.statusCode).toBe(202);
    await untilRegistrationsCancelled(h, sessionId);
    const regs = await h.models.registrations.find({ sessionId }).lean();
    expect(regs.map((r) => [r.status, r.cancellation?.reason])).toEqual(
      Array(3).fill(['cancelled', 'session_cancelled']),
    );
  });

  it('when the capacity is raised, then waiters are promoted in order; lowering it below the confirmed count is refused', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 1, perBankQuota: null });
    const batch = await register(await liaisonToken(bank), sessionId, {
      attendees: [1, 2, 3].map((n) => attendee(n)),
    });
    const ids = batch
      .json<{ results: { registration: Reg | null }[] }>()
      .results.map((r) => r.registration?.id);
    const coordinator = await token({ sub: 'c', role: 'coordinator', name: '协调员' });
    const auth = { authorization: `Bearer ${coordinator}` };
    const raised = await h.app.inject({
      method: 'PATCH',
      url: `/sessions/${sessionId}`,
      headers: auth,
      payload: { capacity: 2 },
    });
    expect(raised.statusCode).toBe(200);
    const second = await h.models.registrations.findById(ids[1]).lean();
    const third = await h.models.registrations.findById(ids[2]).lean();
    expect([second?.status, third?.status]).toEqual(['confirmed', 'waitlisted']);
    const lowered = await h.app.inject({
      method: 'PATCH',
      url: `/sessions/${sessionId}`,
      headers: auth,
      payload: { capacity: 1 },
    });
    expect(lowered.statusCode).toBe(409);
  });
});
