// Subscriptions over HTTP on the real database and broker: who subscribes, who sees which, and the events the notifier gets.
import { parseEvent, Topics } from '@lianxin/contracts';
import { readTopic, serviceHarness, type Caller } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { staff } from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, contentService, { components: false });
const bankA = '65a1b2c3d4e5f60718293a01';
const bankB = '65a1b2c3d4e5f60718293a02';
const liaisonA = h.as({ liaison: bankA, id: 'liaison-a', name: '吴联络' });
const liaisonA2 = h.as({ liaison: bankA, id: 'liaison-a2', name: '郑联络' });
const liaisonB = h.as({ liaison: bankB, id: 'liaison-b', name: '冯联络' });
const officer = h.as(staff('officer-sub', 'officer', '陈警官'));
const coordinator = h.as(staff('coordinator-sub', 'coordinator', '周协调'));

type Sub = { id: string; subscriber: { email: string | null; bankId: string | null } };

describe('subscriptions', () => {
  it('when a liaison subscribes twice to the same thing, then the second answers 200 with the first', async () => {
    const body = { fraudTypes: ['impersonate_authority', 'fake_investment'], audiences: [] };
    const first = await liaisonA('POST', '/subscriptions', body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await liaisonA('POST', '/subscriptions', {
      ...body,
      fraudTypes: ['fake_investment', 'impersonate_authority'],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<Sub>().id).toBe(first.json<Sub>().id);
    expect(first.json()).toMatchObject({
      subscriber: { role: 'liaison', bankId: bankA, email: null },
      language: 'zh',
    });
  });

  it('when police staff subscribe without an email, or anyone names nothing, then 400 names the field', async () => {
    const noEmail = await officer('POST', '/subscriptions', { audiences: ['elderly'] });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.body).toContain('email');
    const nothing = await liaisonA('POST', '/subscriptions', { fraudTypes: [], audiences: [] });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('fraudTypes');
    expect(
      (await liaisonA('POST', '/subscriptions', { audiences: ['elderly'], unexpected: 1 }))
        .statusCode,
    ).toBe(400);
  });

  it('when listing and removing, then a liaison reaches their bank only and an officer their own; others are 404', async () => {
    const a = (await liaisonA('POST', '/subscriptions', { audiences: ['bank_staff'] })).json<Sub>();
    const b = (await liaisonB('POST', '/subscriptions', { audiences: ['bank_staff'] })).json<Sub>();
    const o = await officer('POST', '/subscriptions', {
      audiences: ['elderly'],
      email: 'Chen.Jing@Police.example.cn',
      language: 'en',
    });
    expect(o.statusCode).toBe(201);
    expect(o.json<Sub>().subscriber.email).toBe('c***@police.example.cn');

    const idsOf = async (who: Caller) =>
      (await who('GET', '/subscriptions')).json<{ items: Sub[] }>().items.map((s) => s.id);
    expect(await idsOf(liaisonA2)).toContain(a.id);
    expect(await idsOf(liaisonA2)).not.toContain(b.id);
    expect(await idsOf(officer)).toEqual([o.json<Sub>().id]);
    expect(await idsOf(coordinator)).toEqual(
      expect.arrayContaining([a.id, b.id, o.json<Sub>().id]),
    );

    expect((await liaisonB('DELETE', `/subscriptions/${a.id}`)).statusCode).toBe(404);
    expect((await officer('DELETE', `/subscriptions/${a.id}`)).statusCode).toBe(404);
    expect((await liaisonA2('DELETE', `/subscriptions/${a.id}`)).statusCode).toBe(204);
    expect((await liaisonA('DELETE', `/subscriptions/${a.id}`)).statusCode).toBe(404);
    expect(await idsOf(liaisonA)).not.toContain(a.id);
  });

  it('when subscriptions are created and removed, then subscription.created and .removed reach the topic with what the notifier needs', async () => {
    const created = await officer('POST', '/subscriptions', {
      fraudTypes: ['task_rebate'],
      audiences: ['students'],
      email: 'xu@police.example.cn',
    });
    const id = created.json<Sub>().id;
    expect((await officer('DELETE', `/subscriptions/${id}`)).statusCode).toBe(204);
    const messages = await readTopic(h.env.kafkaBrokers, h.topic(Topics.bulletins), {
      timeoutMs: 30_000,
      until: (msgs) => msgs.filter((m) => m.key === id).length >= 2,
    });
    const events = messages
      .filter((m) => m.key === id)
      .map((m) => {
        const parsed = parseEvent(JSON.parse(m.value ?? 'null'));
        if (!parsed.ok) throw new Error(parsed.error.message);
        return parsed.event;
      });
    expect(events.map((e) => [e.type, e.sequence])).toEqual([
      ['subscription.created', 1],
      ['subscription.removed', 2],
    ]);
    expect(events[0]?.data).toMatchObject({
      id,
      subscriber: {
        id: 'officer-sub',
        role: 'officer',
        bankId: null,
        name: '陈警官',
        email: 'xu@police.example.cn',
      },
      fraudTypes: ['task_rebate'],
      audiences: ['students'],
      language: 'zh',
    });
    expect(events[1]?.data).toMatchObject({
      id,
      subscriber: { id: 'officer-sub', role: 'officer', bankId: null },
      removedBy: 'officer-sub',
    });
  });
});
