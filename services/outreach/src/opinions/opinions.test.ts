// Opinions (社情民意) and the session summary through the HTTP API on the real database.
import { AnyEnvelope, Topics } from '@lianxin/contracts';
import { readTopic, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import type { SessionSummary } from '../sessions/session-summary.ts';
import {
  attendee,
  DAY,
  HOUR,
  liaisonToken,
  register as registerAs,
  scheduleForum,
  seedBanks,
  sessionBody,
  token,
} from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, outreachService);
const auth = {
  authorization: `Bearer ${await token({ sub: 'officer-li', role: 'officer', name: '李警官' })}`,
};

interface OpinionJson {
  id: string;
  status: string;
  overdue: boolean;
  resolutionNote: string | null;
}

async function newSession(): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/sessions',
    headers: auth,
    payload: sessionBody({ kind: 'enterprise', format: 'visit', audiences: ['enterprise_staff'] }),
  });
  return res.json<{ id: string }>().id;
}

function raise(sessionId: string, body: Record<string, unknown> = {}) {
  return h.app.inject({
    method: 'POST',
    url: `/sessions/${sessionId}/opinions`,
    headers: auth,
    payload: {
      category: 'public_order',
      text: '园区周边夜间照明不足，希望加强巡逻',
      raisedBy: '某物流公司负责人',
      ownerId: 'officer-wang',
      dueAt: new Date(Date.now() + DAY).toISOString(),
      ...body,
    },
  });
}

describe('opinions', () => {
  it('when an opinion is followed up, then it moves open → in_progress → resolved with a note, and never back', async () => {
    const sessionId = await newSession();
    const opinion = (await raise(sessionId)).json<OpinionJson>();
    expect(opinion.status).toBe('open');
    const patch = (payload: Record<string, unknown>) =>
      h.app.inject({ method: 'PATCH', url: `/opinions/${opinion.id}`, headers: auth, payload });
    expect((await patch({ status: 'in_progress' })).json<OpinionJson>().status).toBe('in_progress');
    expect((await patch({ status: 'resolved' })).statusCode).toBe(400);
    const resolved = await patch({
      status: 'resolved',
      resolutionNote: '已协调增设路灯并纳入夜巡路线',
    });
    expect(resolved.json<OpinionJson>()).toMatchObject({
      status: 'resolved',
      resolutionNote: '已协调增设路灯并纳入夜巡路线',
    });
    const back = await patch({ status: 'open' });
    expect(back.statusCode).toBe(409);
    expect(back.json<{ error: { code: string } }>().error.code).toBe('INVALID_TRANSITION');
  });

  it('when an opinion passes its due date unresolved, then the overdue filter finds it and not the resolved one', async () => {
    const sessionId = await newSession();
    const late = (
      await raise(sessionId, { dueAt: new Date(Date.now() + HOUR).toISOString() })
    ).json<OpinionJson>();
    const done = (
      await raise(sessionId, { dueAt: new Date(Date.now() + HOUR).toISOString() })
    ).json<OpinionJson>();
    await h.app.inject({
      method: 'PATCH',
      url: `/opinions/${done.id}`,
      headers: auth,
      payload: { status: 'resolved', resolutionNote: '已答复' },
    });
    h.clock.offsetMs = 2 * HOUR;
    try {
      const res = await h.app.inject({
        method: 'GET',
        url: `/opinions?overdue=true&sessionId=${sessionId}`,
        headers: auth,
      });
      const items = res.json<{ items: OpinionJson[] }>().items;
      expect(items.map((o) => [o.id, o.overdue])).toEqual([[late.id, true]]);
    } finally {
      h.clock.offsetMs = 0;
    }
  });

  it('when "raised by" holds a resident ID number, then 400', async () => {
    const sessionId = await newSession();
    expect((await raise(sessionId, { raisedBy: '群众 110101199003071234' })).statusCode).toBe(400);
  });
});

describe('resolving an opinion', () => {
  const resolve = (id: string, body: Record<string, string>, headers = auth) =>
    h.app.inject({ method: 'POST', url: `/opinions/${id}/resolve`, headers, payload: body });

  it('when an officer resolves it with its answer, then it is resolved once (10 at once: one 200, the rest 409), and opinion.resolved carries the answer', async () => {
    const sessionId = await newSession();
    const opinion = (await raise(sessionId)).json<OpinionJson>();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        resolve(opinion.id, { resolutionNote: `已增设路灯 ${i}` }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, ...Array<number>(9).fill(409)]);
    const won = responses
      .find((r) => r.statusCode === 200)
      ?.json<OpinionJson & { resolvedAt: string }>();
    expect(won).toMatchObject({ id: opinion.id, status: 'resolved', overdue: false });
    expect(won?.resolutionNote).toMatch(/^已增设路灯 \d$/);
    expect(Date.parse(won?.resolvedAt ?? '')).not.toBeNaN();
    const messages = await readTopic(h.env.kafkaBrokers, h.topic(Topics.sessions), {
      until: (m) =>
        m.some((x) => x.headers['event-type'] === 'opinion.resolved' && x.key === opinion.id),
      timeoutMs: 30_000,
    });
    const resolved = messages
      .filter((x) => x.key === opinion.id && x.headers['event-type'] === 'opinion.resolved')
      .map((x) => AnyEnvelope.parse(JSON.parse(x.value ?? 'null')).data);
    expect(resolved).toEqual([
      expect.objectContaining({ status: 'resolved', resolutionNote: won?.resolutionNote }),
    ]);
  });

  it('when the answer is missing, the caller is a liaison or the opinion is unknown, then 400, 403 and 404', async () => {
    const sessionId = await newSession();
    const opinion = (await raise(sessionId)).json<OpinionJson>();
    const missing = await resolve(opinion.id, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('resolutionNote');
    const liaison = {
      authorization: `Bearer ${await token({ liaison: '0123456789abcdef01234567' })}`,
    };
    expect((await resolve(opinion.id, { resolutionNote: '已答复' }, liaison)).statusCode).toBe(403);
    expect(
      (await resolve('0123456789abcdef01234567', { resolutionNote: '已答复' })).statusCode,
    ).toBe(404);
  });
});

describe('summary', () => {
  it('when a forum is completed, then the summary counts per bank registered, confirmed, waitlisted, attended and no-shows, feedback by colour and opinions by status', async () => {
    const [a, b] = await seedBanks(h.db, 2);
    if (!a || !b) throw new Error('no banks');
    const sessionId = await scheduleForum(h, [a, b], {
      capacity: 3,
      perBankQuota: 2,
      startsInMs: HOUR / 2,
    });
    const register = async (bank: typeof a, n: number) =>
      (await registerAs(h, await liaisonToken(bank), sessionId, attendee(n))).json<{
        id: string;
        checkInToken: string | null;
      }>();
    const a1 = await register(a, 1);
    await register(a, 2);
    await register(a, 3); // waitlisted: bank quota
    const b1 = await register(b, 4);
    for (const r of [a1, b1])
      await h.app.inject({ method: 'POST', url: '/check-ins', payload: { token: r.checkInToken } });
    await h.app.inject({
      method: 'POST',
      url: '/feedback',
      payload: { token: a1.checkInToken, attitude: 'blue', tone: 'blue', expression: 'yellow' },
    });
    await h.app.inject({
      method: 'POST',
      url: '/feedback',
      payload: {
        token: b1.checkInToken,
        attitude: 'red',
        tone: 'blue',
        expression: 'blue',
        comment: '现场讲解时间偏短',
      },
    });
    await raise(sessionId, { category: 'fraud' });
    h.clock.offsetMs = HOUR;
    try {
      expect(
        (
          await h.app.inject({
            method: 'POST',
            url: `/sessions/${sessionId}/complete`,
            headers: auth,
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      h.clock.offsetMs = 0;
    }
    const summary = (
      await h.app.inject({ method: 'GET', url: `/sessions/${sessionId}/summary`, headers: auth })
    ).json<SessionSummary>();
    const rowOf = (bankId: string) => summary.perBank.find((r) => r.bankId === bankId);
    expect(rowOf(a.bankId)).toMatchObject({
      registered: 3,
      confirmed: 2,
      waitlisted: 1,
      attended: 1,
      noShow: 1,
    });
    expect(rowOf(b.bankId)).toMatchObject({
      registered: 1,
      confirmed: 1,
      waitlisted: 0,
      attended: 1,
      noShow: 0,
    });
    expect(summary.totals).toMatchObject({ registered: 4, confirmed: 3, attended: 2, noShow: 1 });
    expect(summary.feedback).toEqual({
      responses: 2,
      attitude: { red: 1, yellow: 0, blue: 1 },
      tone: { red: 0, yellow: 0, blue: 2 },
      expression: { red: 0, yellow: 1, blue: 1 },
    });
    expect(summary.followUps).toEqual([
      {
        registrationId: b1.id,
        ratings: { attitude: 'red', tone: 'blue', expression: 'blue' },
        comment: '现场讲解时间偏短',
        status: 'open',
        closedBy: null,
        closedAt: null,
        action: null,
      },
    ]);
    expect(summary.opinions).toEqual({ open: 1, in_progress: 0, resolved: 0, overdue: 0 });
  });
});
