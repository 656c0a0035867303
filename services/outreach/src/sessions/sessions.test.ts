// Sessions through the HTTP API on the real database: scheduling rules, race-free venue and officer bookings, visibility.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import { DAY, HOUR, seedBanks, sessionBody, token } from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, outreachService);
const coordinator = await token({ sub: 'coord-1', role: 'coordinator', name: '王协调' });

async function schedule(body: Record<string, unknown>, token = coordinator) {
  return h.app.inject({
    method: 'POST',
    url: '/sessions',
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  });
}

interface SessionJson {
  id: string;
  status: string;
  startsAt: string;
  registration: { opensAt: string; closesAt: string };
  seats: { confirmed: number; waitlisted: number; left: number };
}

describe('scheduling sessions', () => {
  it('when a coordinator schedules a campus talk, then it is scheduled with the registration window closing at the start', async () => {
    const body = sessionBody();
    const res = await schedule(body);
    expect(res.statusCode).toBe(201);
    const s = res.json<SessionJson>();
    expect(s.status).toBe('scheduled');
    expect(s.registration.closesAt).toBe(body.startsAt);
    expect(s.seats).toEqual({ confirmed: 0, waitlisted: 0, left: 50 });
    const got = await h.app.inject({
      method: 'GET',
      url: `/sessions/${s.id}`,
      headers: { authorization: `Bearer ${coordinator}` },
    });
    expect(got.json<SessionJson>().id).toBe(s.id);
  });

  it('when a session overlaps another at the same venue (typed differently), then 409 VENUE_CONFLICT names the other session', async () => {
    const first = sessionBody();
    const a = (await schedule(first)).json<SessionJson>();
    const venue = first.venue as { name: string; address: string };
    const startsAt = new Date(new Date(String(first.startsAt)).getTime() + HOUR);
    const res = await schedule(
      sessionBody({
        venue: {
          name: ` ${venue.name.toUpperCase()} `,
          address: venue.address.replace('新开街', '新开街 '),
        },
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
      }),
    );
    expect(res.statusCode).toBe(409);
    const error = res.json<{
      error: { code: string; details: { conflictingSessionId: string }[] };
    }>().error;
    expect(error.code).toBe('VENUE_CONFLICT');
    expect(error.details[0]?.conflictingSessionId).toBe(a.id);
  });

  it('when an officer would host two overlapping sessions at different venues, then 409 HOST_CONFLICT names the other session', async () => {
    const first = sessionBody();
    const a = (await schedule(first)).json<SessionJson>();
    const res = await schedule(
      sessionBody({
        hostOfficerIds: first.hostOfficerIds,
        startsAt: first.startsAt,
        endsAt: first.endsAt,
      }),
    );
    expect(res.statusCode).toBe(409);
    const error = res.json<{
      error: { code: string; details: { conflictingSessionId: string }[] };
    }>().error;
    expect(error.code).toBe('HOST_CONFLICT');
    expect(error.details[0]?.conflictingSessionId).toBe(a.id);
  });

  it('when 12 sessions for the same venue and time are scheduled at once, then exactly one is created and the others get VENUE_CONFLICT', async () => {
    const base = sessionBody();
    const bodies = Array.from({ length: 12 }, () =>
      sessionBody({ venue: base.venue, startsAt: base.startsAt, endsAt: base.endsAt }),
    );
    const results = await Promise.all(bodies.map((b) => schedule(b)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, ...Array<number>(11).fill(409)]);
  });

  it('when the venue conflict is lost, then the officer bookings made on the way are given back', async () => {
    const first = sessionBody();
    await schedule(first);
    const officer = `officer-rollback-${h.env.id}`;
    // The officer is booked only after the venue; the venue clashes, so nothing of theirs stays booked.
    const clash = await schedule(
      sessionBody({
        venue: first.venue,
        startsAt: first.startsAt,
        endsAt: first.endsAt,
        hostOfficerIds: [officer],
      }),
    );
    expect(clash.statusCode).toBe(409);
    const free = await schedule(
      sessionBody({ startsAt: first.startsAt, endsAt: first.endsAt, hostOfficerIds: [officer] }),
    );
    expect(free.statusCode).toBe(201);
  });

  it('when a session would start in the past, then 400 SESSION_IN_PAST', async () => {
    const res = await schedule(sessionBody({}, -HOUR));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('SESSION_IN_PAST');
  });

  it('when a bank forum invites no bank, then 400; when it invites a suspended bank, then 409 BANK_NOT_ACTIVE', async () => {
    const none = await schedule(
      sessionBody({ kind: 'bank_forum', format: 'open_forum', invitedBankIds: [] }),
    );
    expect(none.statusCode).toBe(400);
    const [active] = await seedBanks(h.db, 1);
    const [suspended] = await seedBanks(h.db, 1, { status: 'suspended' });
    const res = await schedule(
      sessionBody({
        kind: 'bank_forum',
        format: 'open_forum',
        invitedBankIds: [active?.bankId, suspended?.bankId],
      }),
    );
    expect(res.statusCode).toBe(409);
    const error = res.json<{ error: { code: string; details: { bankId: string }[] } }>().error;
    expect(error.code).toBe('BANK_NOT_ACTIVE');
    expect(error.details.map((d) => d.bankId)).toEqual([suspended?.bankId]);
  });

  it('when a liaison tries to schedule, then 403', async () => {
    const [bank] = await seedBanks(h.db, 1);
    const liaison = await token({
      sub: bank?.liaisonId ?? '',
      role: 'liaison',
      bankId: bank?.bankId ?? '',
      name: '联络员',
    });
    expect((await schedule(sessionBody(), liaison)).statusCode).toBe(403);
  });
});

describe('seeing sessions', () => {
  it('when a liaison asks for a forum their bank is not invited to, then 404, and their list holds only their invitations', async () => {
    const [mine, other] = await seedBanks(h.db, 2);
    const forum = (body: Record<string, unknown>) =>
      sessionBody({ kind: 'bank_forum', format: 'open_forum', perBankQuota: 5, ...body });
    const invited = (await schedule(forum({ invitedBankIds: [mine?.bankId] }))).json<SessionJson>();
    const notInvited = (
      await schedule(forum({ invitedBankIds: [other?.bankId] }))
    ).json<SessionJson>();
    const liaison = await token({
      sub: mine?.liaisonId ?? '',
      role: 'liaison',
      bankId: mine?.bankId ?? '',
      name: '联络员',
    });
    const auth = { authorization: `Bearer ${liaison}` };
    expect(
      (await h.app.inject({ method: 'GET', url: `/sessions/${notInvited.id}`, headers: auth }))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.app.inject({ method: 'GET', url: `/sessions/${invited.id}`, headers: auth }))
        .statusCode,
    ).toBe(200);
    const list = await h.app.inject({
      method: 'GET',
      url: '/sessions?pageSize=100',
      headers: auth,
    });
    expect(list.json<{ items: SessionJson[] }>().items.map((s) => s.id)).toEqual([invited.id]);
  });

  it('when listing by host officer and kind, then only matching sessions come back, paginated', async () => {
    const officer = `officer-list-${h.env.id}`;
    for (let i = 0; i < 3; i += 1)
      await schedule(sessionBody({ hostOfficerIds: [officer], kind: 'market' }, DAY * (2 + i)));
    const res = await h.app.inject({
      method: 'GET',
      url: `/sessions?hostOfficerId=${officer}&kind=market&pageSize=2&page=2`,
      headers: { authorization: `Bearer ${coordinator}` },
    });
    const page = res.json<{ items: SessionJson[]; total: number; page: number }>();
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
  });
});

describe('rescheduling and cancelling', () => {
  it('when a reschedule lands on another session at its venue, then 409 and its own slot stays booked', async () => {
    const a = sessionBody();
    const b = sessionBody({ venue: a.venue }, 3 * DAY);
    await schedule(a);
    const bId = (await schedule(b)).json<SessionJson>().id;
    const auth = { authorization: `Bearer ${coordinator}` };
    const moved = await h.app.inject({
      method: 'PATCH',
      url: `/sessions/${bId}`,
      headers: auth,
      payload: { startsAt: a.startsAt, endsAt: a.endsAt },
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json<{ error: { code: string } }>().error.code).toBe('VENUE_CONFLICT');
    const taker = await schedule(
      sessionBody({ venue: a.venue, startsAt: b.startsAt, endsAt: b.endsAt }),
    );
    expect(taker.statusCode).toBe(409);
  });

  it('when a session is rescheduled to a free time, then its old slot is free for another session', async () => {
    const a = sessionBody();
    const id = (await schedule(a)).json<SessionJson>().id;
    const later = new Date(Date.now() + 5 * DAY);
    const auth = { authorization: `Bearer ${coordinator}` };
    const moved = await h.app.inject({
      method: 'PATCH',
      url: `/sessions/${id}`,
      headers: auth,
      payload: {
        startsAt: later.toISOString(),
        endsAt: new Date(later.getTime() + HOUR).toISOString(),
      },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<SessionJson>().registration.closesAt).toBe(later.toISOString());
    expect(
      (await schedule(sessionBody({ venue: a.venue, startsAt: a.startsAt, endsAt: a.endsAt })))
        .statusCode,
    ).toBe(201);
  });

  it('when a reschedule moves into the past, then 400 SESSION_IN_PAST', async () => {
    const id = (await schedule(sessionBody())).json<SessionJson>().id;
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/sessions/${id}`,
      headers: { authorization: `Bearer ${coordinator}` },
      payload: { startsAt: new Date(Date.now() - HOUR).toISOString() },
    });
    expect(res.statusCode).toBe(400);
  });

  it('when a session is cancelled, then it is cancelled once, and its venue is free again', async () => {
    const a = sessionBody();
    const id = (await schedule(a)).json<SessionJson>().id;
    const auth = { authorization: `Bearer ${coordinator}` };
    const res = await h.app.inject({
      method: 'POST',
      url: `/sessions/${id}/cancel`,
      headers: auth,
      payload: { reason: '天气原因' },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json<SessionJson>().status).toBe('cancelled');
    const again = await h.app.inject({
      method: 'POST',
      url: `/sessions/${id}/cancel`,
      headers: auth,
      payload: { reason: '再次' },
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await schedule(sessionBody({ venue: a.venue, startsAt: a.startsAt, endsAt: a.endsAt })))
        .statusCode,
    ).toBe(201);
  });
});
