// Concurrent edits of one session (issue 8): with an expected version exactly one PATCH wins, the others get 409 and leave nothing behind.
import { AnyEnvelope, Topics } from '@lianxin/contracts';
import { readTopic, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import {
  attendee,
  liaisonToken,
  register,
  scheduleForum,
  seedBanks,
  token,
} from '../test-support/fixtures.ts';
import { venueKey } from './session.rules.ts';

// Components off: no reconcile pass touches the ledger under test.
const h = await serviceHarness(import.meta.url, outreachService, { components: false });
const coordinator = {
  authorization: `Bearer ${await token({ sub: 'c-edit', role: 'coordinator', name: '协调员' })}`,
};

interface SessionJson {
  id: string;
  title: string;
  version: number;
  capacity: number;
  venue: { name: string; address: string };
  seats: { confirmed: number; waitlisted: number };
}

const patch = (id: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'PATCH', url: `/sessions/${id}`, headers: coordinator, payload });

describe('concurrent session edits', () => {
  it('when 200 PATCHes based on the same version race, then exactly one is applied, the other 199 get 409, and the stored session, its seats and its slot books are the winner’s change alone', async () => {
    const [a, b] = await seedBanks(h.db, 2);
    if (!a || !b) throw new Error('no banks');
    const sessionId = await scheduleForum(h, [a, b], { capacity: 2, perBankQuota: null });
    for (const [n, bank] of [a, a, b, b].entries()) {
      const res = await register(h, await liaisonToken(bank), sessionId, attendee(n));
      expect(res.statusCode).toBe(201);
    }
    const before = (
      await h.app.inject({ method: 'GET', url: `/sessions/${sessionId}`, headers: coordinator })
    ).json<SessionJson>();
    expect(before.seats).toEqual({ confirmed: 2, waitlisted: 2, left: 0 });

    const N = 200;
    const bodies = Array.from({ length: N }, (_, i) => ({
      version: before.version,
      title: `改期后的恳谈会 ${i}`,
      // Raising the capacity promotes waiters: that too must be the winner's alone.
      capacity: 2 + (i % 3),
      description: `第 ${i} 次修改`,
      // Half of them move the session to a venue of their own: losers must give it back.
      ...(i % 2 === 0
        ? {
            venue: {
              name: `会议室-竞争-${i}-${sessionId.slice(-6)}`,
              address: '香河县新华大街9号',
            },
          }
        : {}),
    }));
    const responses = await Promise.all(bodies.map((body) => patch(sessionId, body)));

    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(N - 1);
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(new Set(refused.map((r) => r.json<{ error: { code: string } }>().error.code))).toEqual(
      new Set(['CONFLICT']),
    );
    const winnerAt = codes.indexOf(200);
    const winner = bodies[winnerAt];
    if (!winner) throw new Error('no winner');

    const stored = await h.models.sessions.findById(sessionId).lean();
    expect(stored).toMatchObject({
      title: winner.title,
      capacity: winner.capacity,
      description: winner.description,
      venue: winner.venue ?? before.venue,
      version: before.version + 1,
      editLock: null,
    });
    // The winner's capacity, filled from the queue in order; nobody else's promotions.
    expect(stored?.confirmedCount).toBe(Math.min(winner.capacity, 4));
    expect(stored?.seatHolders).toHaveLength(Math.min(winner.capacity, 4));
    expect(stored?.queue).toHaveLength(4 - Math.min(winner.capacity, 4));
    const confirmed = await h.models.registrations.countDocuments({
      sessionId,
      status: 'confirmed',
    });
    expect(confirmed).toBe(Math.min(winner.capacity, 4));

    // Slot books: the session is booked at the winner's venue only.
    const holders = async (venue: { name: string; address: string }) =>
      ((await h.models.books.findById(venueKey(venue)).lean())?.bookings ?? []).filter(
        (bk) => bk.sessionId === sessionId,
      ).length;
    const finalVenue = winner.venue ?? before.venue;
    expect(await holders(finalVenue)).toBe(1);
    for (const [i, body] of bodies.entries()) {
      if (i !== winnerAt && body.venue !== undefined) expect(await holders(body.venue)).toBe(0);
    }
    if (winner.venue !== undefined) expect(await holders(before.venue)).toBe(0);
  }, 180_000);

  it('when a PATCH carries a version the session has moved past, then 409 and nothing changes', async () => {
    const [a] = await seedBanks(h.db, 1);
    if (!a) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [a], { capacity: 5, perBankQuota: null });
    const first = await patch(sessionId, { version: 1, title: '第一次修改' });
    expect(first.statusCode).toBe(200);
    expect(first.json<SessionJson>().version).toBe(2);
    const stale = await patch(sessionId, { version: 1, title: '基于旧版本的修改', capacity: 9 });
    expect(stale.statusCode).toBe(409);
    expect(await h.models.sessions.findById(sessionId).lean()).toMatchObject({
      title: '第一次修改',
      capacity: 5,
      version: 2,
    });
  });

  it('when an edit neither moves nor re-venues the session, then session.updated (a contracts event) goes out on the sessions topic with the whole snapshot', async () => {
    const [a] = await seedBanks(h.db, 1);
    if (!a) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [a], { capacity: 5, perBankQuota: null });
    expect(
      (await patch(sessionId, { version: 1, title: '调整议程', capacity: 8 })).statusCode,
    ).toBe(200);
    const messages = await readTopic(h.env.kafkaBrokers, h.topic(Topics.sessions), {
      until: (m) =>
        m.some((x) => x.key === sessionId && x.headers['event-type'] === 'session.updated'),
      timeoutMs: 30_000,
    });
    const updated = messages
      .filter((x) => x.key === sessionId && x.headers['event-type'] === 'session.updated')
      .map((x) => AnyEnvelope.parse(JSON.parse(x.value ?? 'null')));
    expect(updated.map((e) => [e.sequence, e.data])).toEqual([
      [
        2,
        expect.objectContaining({
          id: sessionId,
          title: '调整议程',
          capacity: 8,
          status: 'scheduled',
        }),
      ],
    ]);
  });
});
