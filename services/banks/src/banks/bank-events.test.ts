// Every change of a bank emits its event through the outbox, with the right type, sequence and data,
// as a real Kafka consumer sees it.
import { parseEvent, Topics } from '@lianxin/contracts';
import { readTopic, serviceHarness } from '@lianxin/testing';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { banksService } from '../service.ts';
import { bankBody, liaisonBody } from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, banksService);
const coordinator = h.as('coordinator');

describe('bank events', () => {
  it('when a bank goes through its life, then each change is one event in order (a role swap adds the colleague’s)', async () => {
    const ok = (status: number) => (res: LightMyRequestResponse) => {
      expect(res.statusCode).toBe(status);
      return res;
    };
    const bank = ok(201)(await coordinator('POST', '/banks', bankBody())).json<{ id: string }>();
    const base = `/banks/${bank.id}`;
    ok(200)(await coordinator('PATCH', base, { notes: '季度例会' }));
    ok(200)(await coordinator('POST', `${base}/suspend`, { reason: '机构调整' }));
    ok(200)(await coordinator('POST', `${base}/reactivate`));
    ok(201)(
      await coordinator('POST', `${base}/branches`, { name: '营业部', address: '新华大街1号' }),
    );
    const first = ok(201)(await coordinator('POST', `${base}/liaisons`, liaisonBody())).json<{
      id: string;
    }>();
    const second = ok(201)(
      await coordinator('POST', `${base}/liaisons`, liaisonBody({ role: 'primary' })),
    ).json<{ id: string }>();
    ok(204)(await coordinator('DELETE', `${base}/liaisons/${second.id}`));
    // refused changes emit nothing
    ok(409)(await coordinator('POST', `${base}/reactivate`));

    const expected: [string, string | undefined][] = [
      ['bank.registered', undefined],
      ['bank.updated', undefined],
      ['bank.suspended', undefined],
      ['bank.reactivated', undefined],
      ['bank.updated', undefined],
      ['liaison.added', first.id],
      ['liaison.added', second.id],
      ['liaison.updated', first.id], // demoted to backup in the same write
      ['liaison.removed', second.id],
      ['liaison.updated', first.id], // promoted back to primary
    ];
    const msgs = await readTopic(h.env.kafkaBrokers, h.topic(Topics.banks), {
      until: (m) => m.filter((x) => x.key === bank.id).length >= expected.length,
      timeoutMs: 30_000,
    });
    await new Promise((r) => setTimeout(r, 500));
    const mine = (
      await readTopic(h.env.kafkaBrokers, h.topic(Topics.banks), {
        until: (m) => m.length >= msgs.length,
        timeoutMs: 10_000,
      })
    ).filter((m) => m.key === bank.id);
    const events = mine.map((m) => {
      const parsed = parseEvent(JSON.parse(m.value ?? 'null'));
      if (!parsed.ok) throw new Error(`not a valid event: ${JSON.stringify(parsed.error)}`);
      return parsed.event;
    });
    expect(
      events.map((e) => [e.type, 'liaisonId' in e.data ? e.data.liaisonId : undefined]),
    ).toEqual(expected);
    expect(events.map((e) => e.sequence)).toEqual(expected.map((_, i) => i + 1));
    expect(events.every((e) => e.subject === bank.id && e.source === 'banks')).toBe(true);
    expect(events[2]?.data).toMatchObject({
      status: 'suspended',
      suspension: { reason: '机构调整' },
    });
    expect(events[7]?.data).toMatchObject({ liaisonId: first.id, role: 'backup', active: true });
    expect(events[9]?.data).toMatchObject({ liaisonId: first.id, role: 'primary' });
  });
});
