// A liaison's own views through the HTTP API on the real database: invitations with their bank's seats, the bank's registrations, one registration, a batch's per-row errors.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import {
  attendee,
  DAY,
  liaisonToken,
  register as registerAs,
  scheduleForum,
  seedBanks,
  token,
  uniqueMobile,
  type SeededBank,
} from '../test-support/fixtures.ts';
import type { InvitationView } from './invitation.schemas.ts';
import type { BankRegistrationView } from './registration.schemas.ts';

const h = await serviceHarness(import.meta.url, outreachService);
const register = (bearer: string, sessionId: string, payload: Record<string, unknown>) =>
  registerAs(h, bearer, sessionId, payload);

interface Page<T> {
  items: T[];
  total: number;
}
interface ErrorJson {
  error: {
    code: string;
    message: { zh: string; en: string };
    details?: { path: string; rule: string; message: { zh: string; en: string } }[];
  };
}

async function get(bearer: string, url: string) {
  return h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });
}

async function cancel(bearer: string, sessionId: string, registrationId: string) {
  const res = await h.app.inject({
    method: 'DELETE',
    url: `/sessions/${sessionId}/registrations/${registrationId}`,
    headers: { authorization: `Bearer ${bearer}` },
  });
  expect(res.statusCode).toBe(200);
}

async function twoBanks(): Promise<[SeededBank, SeededBank]> {
  const [a, b] = await seedBanks(h.db, 2);
  if (!a || !b) throw new Error('no banks');
  return [a, b];
}

const coordinator = () => token({ sub: 'coord-1', role: 'coordinator', name: '协调员' });

describe('invitations', () => {
  it('when a bank is invited to sessions, then its liaison sees the scheduled ones ahead, soonest first, with the seats their bank holds, waits for and may still take', async () => {
    const [a, b] = await twoBanks();
    const later = await scheduleForum(h, [a, b], {
      capacity: 3,
      perBankQuota: 2,
      startsInMs: 3 * DAY,
    });
    const sooner = await scheduleForum(h, [a], { capacity: 10, perBankQuota: null });
    const cancelled = await scheduleForum(h, [a], { capacity: 5, perBankQuota: null });
    await scheduleForum(h, [b], { capacity: 5, perBankQuota: null });
    const ta = await liaisonToken(a);
    await register(ta, later, { attendees: [1, 2, 3].map((n) => attendee(n)) });
    await register(await liaisonToken(b), later, attendee(4));
    const stop = await h.app.inject({
      method: 'POST',
      url: `/sessions/${cancelled}/cancel`,
      headers: { authorization: `Bearer ${await coordinator()}` },
      payload: { reason: '场地调整' },
    });
    expect(stop.statusCode).toBe(202);

    const res = await get(ta, '/invitations');
    expect(res.statusCode).toBe(200);
    const page = res.json<Page<InvitationView>>();
    expect(page.items.map((i) => i.sessionId)).toEqual([sooner, later]);
    expect(page.total).toBe(2);
    expect(page.items[1]).toMatchObject({
      capacity: 3,
      perBankQuota: 2,
      seats: { confirmed: 3, waitlisted: 1, left: 0 },
      bank: { confirmed: 2, waitlisted: 1, quotaLeft: 0 },
      registration: { open: true },
    });
    expect(page.items[0]).toMatchObject({
      bank: { confirmed: 0, waitlisted: 0, quotaLeft: null },
      seats: { left: 10 },
    });

    const forB = (await get(await liaisonToken(b), '/invitations')).json<Page<InvitationView>>();
    expect(forB.items.find((i) => i.sessionId === later)?.bank).toEqual({
      confirmed: 1,
      waitlisted: 0,
      quotaLeft: 1,
    });
    expect(forB.items.map((i) => i.sessionId)).not.toContain(sooner);
  });

  it('when staff ask for invitations, then 403: invitations are a liaison’s', async () => {
    expect((await get(await coordinator(), '/invitations')).statusCode).toBe(403);
  });
});

describe('a bank’s registrations', () => {
  it('when a liaison lists their registrations, then only their bank’s, across sessions, newest first, each with its session and current waitlist place', async () => {
    const [a, b] = await twoBanks();
    const first = await scheduleForum(h, [a, b], { capacity: 1, perBankQuota: null });
    const second = await scheduleForum(h, [a], { capacity: 5, perBankQuota: null });
    const ta = await liaisonToken(a);
    const tb = await liaisonToken(b);
    const seated = (await register(tb, first, attendee(1))).json<BankRegistrationView>();
    const wait1 = (await register(tb, first, attendee(2))).json<BankRegistrationView>();
    const wait2 = (await register(ta, first, attendee(3))).json<BankRegistrationView>();
    const other = (await register(ta, second, attendee(4))).json<BankRegistrationView>();
    expect(wait2.waitlist).toMatchObject({ position: 2 });

    const before = (await get(ta, '/registrations')).json<Page<BankRegistrationView>>();
    expect(before.total).toBe(2);
    expect(before.items.map((r) => r.id)).toEqual([other.id, wait2.id]);
    expect(before.items[1]).toMatchObject({
      bankId: a.bankId,
      status: 'waitlisted',
      waitlist: { position: 2 },
      mobileMasked: false,
      session: { id: first, status: 'scheduled' },
    });
    expect(before.items[0]?.session.id).toBe(second);

    // Bank B's first waiter leaves: A's attendee is now first in the queue.
    await cancel(tb, first, wait1.id);
    const after = (await get(ta, `/registrations?sessionId=${first}`)).json<
      Page<BankRegistrationView>
    >();
    expect(after.items.map((r) => [r.id, r.waitlist?.position])).toEqual([[wait2.id, 1]]);

    const waiting = (await get(ta, '/registrations?status=waitlisted')).json<
      Page<BankRegistrationView>
    >();
    expect(waiting.items.map((r) => r.id)).toEqual([wait2.id]);
    const paged = (await get(ta, '/registrations?pageSize=1&page=2')).json<
      Page<BankRegistrationView>
    >();
    expect(paged).toMatchObject({ total: 2, items: [{ id: wait2.id }] });
    expect(seated.status).toBe('confirmed');
  });

  it('when a liaison opens one registration, then their own bank’s answers with its session; another bank’s is 404 exactly as one that does not exist', async () => {
    const [a, b] = await twoBanks();
    const sessionId = await scheduleForum(h, [a, b], { capacity: 5, perBankQuota: null });
    const ta = await liaisonToken(a);
    const mobile = uniqueMobile();
    const own = (await register(ta, sessionId, attendee(1, mobile))).json<BankRegistrationView>();
    const theirs = (
      await register(await liaisonToken(b), sessionId, attendee(2))
    ).json<BankRegistrationView>();

    const mine = await get(ta, `/registrations/${own.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      id: own.id,
      status: 'confirmed',
      attendee: { mobile },
      session: { id: sessionId },
    });
    const foreign = await get(ta, `/registrations/${theirs.id}`);
    const missing = await get(ta, `/registrations/${'f'.repeat(24)}`);
    expect([foreign.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(foreign.json()).toEqual(missing.json());

    const officer = await token({ sub: 'officer-1', role: 'officer', name: '李警官' });
    const seen = (await get(officer, `/registrations/${own.id}`)).json<BankRegistrationView>();
    expect(seen.attendee.mobile).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
  });
});

describe('a batch’s per-row errors', () => {
  it('when rows of a batch are malformed, then 400 names each row and field (the mobile’s rule in Chinese too) and no row is registered', async () => {
    const [a] = await twoBanks();
    const sessionId = await scheduleForum(h, [a], { capacity: 10, perBankQuota: null });
    const ta = await liaisonToken(a);
    const rows = [
      attendee(1),
      attendee(2, '1381234'),
      attendee(3),
      { mobile: uniqueMobile(), position: '柜员' },
      attendee(5),
    ];
    const res = await register(ta, sessionId, { attendees: rows });
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorJson>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.map((d) => [d.path, d.rule])).toEqual([
      ['attendees.1.mobile', 'invalid_format'],
      ['attendees.3.name', 'invalid_type'],
    ]);
    expect(body.error.details?.[0]?.message.zh).toMatch(/手机号/);
    const listed = (await get(ta, '/registrations')).json<Page<BankRegistrationView>>();
    expect(listed.total).toBe(0);
  });

  it('when a row of a batch is already registered, then that row’s result carries the error in both languages with the field, and the others are registered', async () => {
    const [a] = await twoBanks();
    const sessionId = await scheduleForum(h, [a], { capacity: 10, perBankQuota: null });
    const ta = await liaisonToken(a);
    const mobile = uniqueMobile();
    expect((await register(ta, sessionId, attendee(1, mobile))).statusCode).toBe(201);
    const res = await register(ta, sessionId, {
      attendees: [attendee(2), attendee(3, mobile), attendee(4)],
    });
    expect(res.statusCode).toBe(201);
    const { results } = res.json<{
      results: {
        index: number;
        registration: { status: string } | null;
        error: ErrorJson['error'] | null;
      }[];
    }>();
    expect(results.map((r) => [r.index, r.registration?.status ?? r.error?.code])).toEqual([
      [0, 'confirmed'],
      [1, 'DUPLICATE_ATTENDEE'],
      [2, 'confirmed'],
    ]);
    expect(results[1]?.error?.message.zh).toContain('已报名');
    expect(results[1]?.error?.message.en).toContain('already registered');
    expect(results[1]?.error?.details).toMatchObject([{ path: 'mobile', rule: 'unique' }]);
    expect(JSON.stringify(results[1])).not.toContain(mobile);
  });
});
