// Check-in and three-colour feedback on the real database: the window, once under concurrency, the follow-up on a red rating.
import { AnyEnvelope, Topics } from '@lianxin/contracts';
import { readTopic, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
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

const h = await serviceHarness(import.meta.url, outreachService);

interface ErrorJson {
  error: { code: string; details?: Record<string, unknown>[] };
}

/** A confirmed registration at a forum starting in `startsInMs`; returns its id, session and token. */
async function confirmed(
  startsInMs = HOUR / 2,
): Promise<{ id: string; sessionId: string; token: string }> {
  const [bank] = await seedBanks(h.db, 1);
  if (!bank) throw new Error('no bank');
  const sessionId = await scheduleForum(h, [bank], { capacity: 5, perBankQuota: null, startsInMs });
  const res = await register(h, await liaisonToken(bank), sessionId, attendee(1));
  const reg = res.json<{ id: string; checkInToken: string | null }>();
  if (reg.checkInToken === null) throw new Error('no token');
  return { id: reg.id, sessionId, token: reg.checkInToken };
}

const scan = (token: string) =>
  h.app.inject({ method: 'POST', url: '/check-ins', payload: { token } });
const rate = (token: string, colours: { attitude: string; tone: string; expression: string }) =>
  h.app.inject({
    method: 'POST',
    url: '/feedback',
    payload: { token, ...colours, comment: '讲得很实在' },
  });

describe('check-in', () => {
  it('when the same code is scanned 20 times at once, then one check-in is recorded and the others get 409 with the first time', async () => {
    const { id, token } = await confirmed();
    const responses = await Promise.all(Array.from({ length: 20 }, () => scan(token)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([
      201,
      ...Array<number>(19).fill(409),
    ]);
    const reg = await h.models.registrations.findById(id).lean<RegistrationDoc>();
    const first = reg?.checkIn?.at.toISOString();
    const refused = responses
      .filter((r) => r.statusCode === 409)
      .map((r) => r.json<ErrorJson>().error);
    expect(new Set(refused.map((e) => e.code))).toEqual(new Set(['ALREADY_CHECKED_IN']));
    expect(new Set(refused.map((e) => e.details?.[0]?.checkedInAt))).toEqual(new Set([first]));
    // One event appended by the twenty scans (the relay may have published it already): version 1
    // was its confirmation, 2 its check-in.
    expect(reg?.version).toBe(2);
  });

  it('when scanned more than an hour before the start, then 409 CHECK_IN_NOT_OPEN', async () => {
    const { token } = await confirmed(3 * HOUR);
    const res = await scan(token);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorJson>().error.code).toBe('CHECK_IN_NOT_OPEN');
  });

  it('when the code is altered, then 400 INVALID_CHECK_IN_TOKEN', async () => {
    const { token } = await confirmed();
    const res = await scan(`${token.slice(0, -2)}xx`);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().error.code).toBe('INVALID_CHECK_IN_TOKEN');
  });

  it('when an officer checks someone in by registration id, then it is recorded as done by that officer', async () => {
    const { id, sessionId } = await confirmed();
    const officer = await token({ sub: 'officer-zhang', role: 'officer', name: '张警官' });
    const res = await h.app.inject({
      method: 'POST',
      url: `/sessions/${sessionId}/registrations/${id}/check-in`,
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(res.statusCode).toBe(201);
    const reg = await h.models.registrations.findById(id).lean<RegistrationDoc>();
    expect(reg?.checkIn).toMatchObject({ method: 'officer', by: 'officer-zhang' });
  });
});

describe('feedback', () => {
  it('when feedback comes before check-in, then 409', async () => {
    const { token } = await confirmed();
    expect(
      (await rate(token, { attitude: 'blue', tone: 'blue', expression: 'blue' })).statusCode,
    ).toBe(409);
  });

  it('when the same feedback is sent 20 times at once, then one is kept, and its red rating opens a follow-up', async () => {
    const { id, token } = await confirmed();
    await scan(token);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        rate(token, { attitude: 'blue', tone: 'red', expression: 'yellow' }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([
      201,
      ...Array<number>(19).fill(409),
    ]);
    const created = responses
      .find((r) => r.statusCode === 201)
      ?.json<{ followUpOpened: boolean }>();
    expect(created?.followUpOpened).toBe(true);
    const reg = await h.models.registrations.findById(id).lean<RegistrationDoc>();
    expect(reg?.feedback).toMatchObject({
      ratings: { attitude: 'blue', tone: 'red', expression: 'yellow' },
      followUp: { status: 'open' },
    });
    // Confirmed (1), checked in (2), one feedback (3): the nineteen refused appended nothing.
    expect(reg?.version).toBe(3);
  });

  it('when every colour is blue, then no follow-up is opened', async () => {
    const { token } = await confirmed();
    await scan(token);
    const res = await rate(token, { attitude: 'blue', tone: 'blue', expression: 'blue' });
    expect(res.json<{ followUpOpened: boolean }>().followUpOpened).toBe(false);
  });
});

describe('follow-up of a red rating', () => {
  const closeUrl = (sessionId: string, id: string) =>
    `/sessions/${sessionId}/registrations/${id}/follow-up/close`;

  it('when an officer closes it, then who, when and what was done are recorded once (20 at once: one 200, the rest 409), the summary shows it and feedback.followed_up is published', async () => {
    const reg = await confirmed();
    await scan(reg.token);
    expect(
      (await rate(reg.token, { attitude: 'red', tone: 'blue', expression: 'blue' })).statusCode,
    ).toBe(201);
    const officer = `Bearer ${await token({ sub: 'officer-zhao', role: 'officer', name: '赵警官' })}`;
    const close = (action: string) =>
      h.app.inject({
        method: 'POST',
        url: closeUrl(reg.sessionId, reg.id),
        headers: { authorization: officer },
        payload: { action },
      });
    const before = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => close(`已与主讲民警复盘，第 ${i} 条`)),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([
      200,
      ...Array<number>(19).fill(409),
    ]);
    expect(
      new Set(
        responses.filter((r) => r.statusCode === 409).map((r) => r.json<ErrorJson>().error.code),
      ),
    ).toEqual(new Set(['INVALID_TRANSITION']));
    const won = responses
      .find((r) => r.statusCode === 200)
      ?.json<{ action: string; closedBy: string; closedAt: string }>();
    expect(won).toMatchObject({
      status: 'closed',
      closedBy: 'officer-zhao',
      registrationId: reg.id,
    });
    expect(Date.parse(won?.closedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);

    const stored = await h.models.registrations.findById(reg.id).lean<RegistrationDoc>();
    expect(stored?.feedback?.followUp).toMatchObject({
      status: 'closed',
      closedBy: 'officer-zhao',
      action: won?.action,
    });
    // Confirmed (1), checked in (2), feedback (3), follow-up closed (4): once.
    expect(stored?.version).toBe(4);

    const coordinator = `Bearer ${await token({ sub: 'coord-f', role: 'coordinator', name: '协调员' })}`;
    const summary = await h.app.inject({
      method: 'GET',
      url: `/sessions/${reg.sessionId}/summary`,
      headers: { authorization: coordinator },
    });
    expect(summary.json<{ followUps: unknown[] }>().followUps).toEqual([
      expect.objectContaining({
        registrationId: reg.id,
        status: 'closed',
        closedBy: 'officer-zhao',
        action: won?.action,
        closedAt: won?.closedAt,
      }),
    ]);

    const messages = await readTopic(h.env.kafkaBrokers, h.topic(Topics.registrations), {
      until: (m) =>
        m.some(
          (x) =>
            x.headers['event-type'] === 'feedback.followed_up' &&
            x.value?.includes(reg.id) === true,
        ),
      timeoutMs: 30_000,
    });
    const published = messages
      .filter((x) => x.headers['event-type'] === 'feedback.followed_up')
      .map((x) => AnyEnvelope.parse(JSON.parse(x.value ?? 'null')))
      .filter((e) => e.subject === reg.id);
    expect(published.map((e) => [e.sequence, e.data])).toEqual([
      [
        4,
        expect.objectContaining({
          sessionId: reg.sessionId,
          closedBy: 'officer-zhao',
          action: won?.action,
        }),
      ],
    ]);
  });

  it('when a liaison tries to close it, or there is no red rating, then 403 and 404', async () => {
    const reg = await confirmed();
    await scan(reg.token);
    await rate(reg.token, { attitude: 'blue', tone: 'blue', expression: 'yellow' });
    const liaison = `Bearer ${await token({ liaison: '0123456789abcdef01234567' })}`;
    const officer = `Bearer ${await token({ sub: 'officer-qian', role: 'officer', name: '钱警官' })}`;
    const as = (authorization: string) =>
      h.app.inject({
        method: 'POST',
        url: closeUrl(reg.sessionId, reg.id),
        headers: { authorization },
        payload: { action: '已处理' },
      });
    expect((await as(liaison)).statusCode).toBe(403);
    const none = await as(officer);
    expect(none.statusCode).toBe(404);
    expect(none.json<ErrorJson>().error.code).toBe('NOT_FOUND');
  });
});
