// GET /sessions/conflicts on the real database: the clashes a plan being typed would meet, read from the slot books.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import { HOUR, sessionBody } from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, outreachService);
const coordinator = h.as('coordinator');

interface SessionJson {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: { name: string; address: string };
  hostOfficerIds: string[];
}
interface ConflictsJson {
  conflicts: {
    code: string;
    path: string;
    officerId: string | null;
    sessionId: string;
    title: string | null;
    startsAt: string;
    endsAt: string;
  }[];
}
interface ErrorJson {
  error: { code: string; details: { path: string; in?: string }[] };
}

async function scheduled(overrides: Record<string, unknown> = {}): Promise<SessionJson> {
  const res = await coordinator('POST', '/sessions', sessionBody(overrides));
  expect(res.statusCode).toBe(201);
  return res.json<SessionJson>();
}

function query(plan: Record<string, string | string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(plan)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      q.append(key, v);
  }
  return `/sessions/conflicts?${q.toString()}`;
}

const shifted = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('conflicts of a plan being typed', () => {
  it('when the venue (typed with other spaces and case) is booked at an overlapping time, then the answer names that session as a VENUE_CONFLICT on the venue field', async () => {
    const other = await scheduled();
    const res = await coordinator(
      'GET',
      query({
        venueName: ` ${other.venue.name.toUpperCase()} `,
        venueAddress: other.venue.address.replace('新开街', '新开街 '),
        startsAt: shifted(other.startsAt, HOUR),
        endsAt: shifted(other.endsAt, HOUR),
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<ConflictsJson>().conflicts).toEqual([
      {
        code: 'VENUE_CONFLICT',
        path: 'venue',
        officerId: null,
        sessionId: other.id,
        title: other.title,
        startsAt: other.startsAt,
        endsAt: other.endsAt,
      },
    ]);
  });

  it('when the plan ends as the booked session starts, or uses another venue, then there is no conflict', async () => {
    const other = await scheduled();
    const before = await coordinator(
      'GET',
      query({
        venueName: other.venue.name,
        venueAddress: other.venue.address,
        startsAt: shifted(other.startsAt, -2 * HOUR),
        endsAt: other.startsAt,
      }),
    );
    const elsewhere = await coordinator(
      'GET',
      query({
        venueName: `${other.venue.name}-B`,
        venueAddress: other.venue.address,
        startsAt: other.startsAt,
        endsAt: other.endsAt,
      }),
    );
    expect([before.json<ConflictsJson>(), elsewhere.json<ConflictsJson>()]).toEqual([
      { conflicts: [] },
      { conflicts: [] },
    ]);
  });

  it('when one of two officers already hosts a session then, then only that officer is named, as a HOST_CONFLICT', async () => {
    const other = await scheduled();
    const busy = other.hostOfficerIds[0] ?? '';
    const res = await coordinator(
      'GET',
      query({
        hostOfficerIds: [`free-${busy}`, busy],
        startsAt: other.startsAt,
        endsAt: shifted(other.startsAt, HOUR / 2),
      }),
    );
    expect(res.json<ConflictsJson>().conflicts).toMatchObject([
      { code: 'HOST_CONFLICT', path: 'hostOfficerIds', officerId: busy, sessionId: other.id },
    ]);
    const single = await coordinator(
      'GET',
      query({ hostOfficerIds: busy, startsAt: other.startsAt, endsAt: other.endsAt }),
    );
    expect(single.json<ConflictsJson>().conflicts).toHaveLength(1);
  });

  it('when the session being edited is excluded, then its own bookings are not conflicts', async () => {
    const own = await scheduled();
    const plan = {
      venueName: own.venue.name,
      venueAddress: own.venue.address,
      hostOfficerIds: own.hostOfficerIds,
      startsAt: shifted(own.startsAt, HOUR),
      endsAt: shifted(own.endsAt, HOUR),
    };
    expect((await coordinator('GET', query(plan))).json<ConflictsJson>().conflicts).toHaveLength(2);
    const res = await coordinator('GET', query({ ...plan, excludeSessionId: own.id }));
    expect(res.json<ConflictsJson>().conflicts).toEqual([]);
  });

  it('when the booked session is cancelled, then its venue and officer are free again', async () => {
    const other = await scheduled();
    const cancel = await coordinator('POST', `/sessions/${other.id}/cancel`, { reason: '改期' });
    expect(cancel.statusCode).toBe(202);
    const res = await coordinator(
      'GET',
      query({
        venueName: other.venue.name,
        venueAddress: other.venue.address,
        hostOfficerIds: other.hostOfficerIds,
        startsAt: other.startsAt,
        endsAt: other.endsAt,
      }),
    );
    expect(res.json<ConflictsJson>().conflicts).toEqual([]);
  });

  it('when the answer says a slot is taken, then scheduling that plan gets the same 409 with the same session', async () => {
    const other = await scheduled();
    const plan = sessionBody({
      venue: other.venue,
      startsAt: shifted(other.startsAt, HOUR),
      endsAt: shifted(other.endsAt, HOUR),
    });
    const read = await coordinator(
      'GET',
      query({
        venueName: other.venue.name,
        venueAddress: other.venue.address,
        startsAt: String(plan.startsAt),
        endsAt: String(plan.endsAt),
      }),
    );
    const write = await coordinator('POST', '/sessions', plan);
    expect(write.statusCode).toBe(409);
    const error = write.json<{
      error: { code: string; details: { conflictingSessionId: string }[] };
    }>().error;
    expect([error.code, error.details[0]?.conflictingSessionId]).toEqual([
      read.json<ConflictsJson>().conflicts[0]?.code,
      read.json<ConflictsJson>().conflicts[0]?.sessionId,
    ]);
  });

  it('when the times are reversed, the venue is half given, a field is unknown or a time is not an instant, then 400 names the field', async () => {
    const startsAt = new Date(Date.now() + 24 * HOUR).toISOString();
    const cases: [Record<string, string>, string][] = [
      [{ startsAt, endsAt: startsAt }, 'endsAt'],
      [{ startsAt, endsAt: shifted(startsAt, HOUR), venueName: '会议室' }, 'venueAddress'],
      [{ startsAt, endsAt: shifted(startsAt, HOUR), room: '1' }, 'room'],
      [{ startsAt: 'tomorrow', endsAt: shifted(startsAt, HOUR) }, 'startsAt'],
    ];
    for (const [plan, path] of cases) {
      const res = await coordinator('GET', query(plan));
      expect(res.statusCode, JSON.stringify(plan)).toBe(400);
      const error = res.json<ErrorJson>().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.map((d) => d.path)).toContain(path);
    }
  });

  it('when a liaison asks, then 403: only schedulers see the venue and officer books', async () => {
    const res = await h.as({ liaison: '0123456789abcdef01234567' })(
      'GET',
      query({
        startsAt: new Date(Date.now() + HOUR).toISOString(),
        endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      }),
    );
    expect(res.statusCode).toBe(403);
  });
});
