// SMTP failures on a private server the test stops, starts and makes refuse: nothing lost, backoff between attempts, dead with the reply.
import { serviceHarness, testAuth } from '@lianxin/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { notifierService } from '../service.ts';
import { envelope } from '../test-support/events.ts';
import { deliveries, eventually, notifierEnv, publish } from '../test-support/bus.ts';
import { SmtpSink } from '../test-support/smtp-sink.ts';

const sink = await SmtpSink.start();
afterAll(() => sink.stop()); // after the harness's own teardown (hooks run in reverse)
const h = await serviceHarness(
  import.meta.url,
  notifierService,
  notifierEnv({
    SMTP_URL: sink.url,
    DELIVERY_BACKOFF_MS: '300',
    DELIVERY_BACKOFF_MAX_MS: '1200',
    DELIVERY_MAX_ATTEMPTS: '30',
  }),
);

let n = 0;
function resetRequested(email: string) {
  n += 1;
  const accountId = `acct-${n}-${h.env.id}`;
  return envelope('account.password_reset_requested', accountId, 1, {
    accountId,
    role: 'officer',
    bankId: null,
    name: `民警${n}`,
    email,
    language: 'zh',
    link: {
      url: `https://lianxin.example.cn/reset/${accountId}`,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  });
}

describe('SMTP unreachable for a while', () => {
  it('when the server is down, then deliveries wait with growing gaps, and once it is back every one is sent exactly once', async () => {
    await sink.stop();
    const events = Array.from({ length: 20 }, (_, i) =>
      resetRequested(`officer${i}.${h.env.id}@police.example.cn`),
    );
    await publish(h, 'accounts', events);
    // Let a few attempts fail against the stopped server.
    const failing = await eventually(
      () => deliveries(h, { template: 'password_reset' }),
      (docs) => docs.length === 20 && docs.every((d) => d.attemptLog.length >= 3),
      20_000,
    );
    for (const d of failing) {
      expect(d.status === 'pending' || d.status === 'sending').toBe(true);
      expect(['ESOCKET', 'ECONNECTION']).toContain(d.lastError?.code);
      expect(d.lastError?.response).toMatch(/ECONNREFUSED/);
      const retries = d.attemptLog.filter((a) => a.outcome === 'retry');
      // The chosen waits double (300, 600, 1200 ms, ±10 %) up to the cap…
      const waits = retries
        .slice(0, 3)
        .map((a) => new Date(a.retryAt ?? 0).getTime() - new Date(a.at).getTime());
      expect(waits[0]).toBeGreaterThanOrEqual(270);
      expect(waits[0]).toBeLessThanOrEqual(330);
      expect(waits[1]).toBeGreaterThanOrEqual(540);
      expect(waits[2]).toBeGreaterThanOrEqual(1_080);
      // …and no attempt came before the wait chosen after the one before it.
      retries.slice(1).forEach((a, i) => {
        expect(new Date(a.at).getTime()).toBeGreaterThanOrEqual(
          new Date(retries[i]?.retryAt ?? 0).getTime(),
        );
      });
    }
    expect(sink.mails).toHaveLength(0);

    await sink.listen();
    const sent = await eventually(
      () => deliveries(h, { template: 'password_reset', status: 'sent' }),
      (docs) => docs.length === 20,
      30_000,
    );
    expect(sent.every((d) => d.smtp?.response.startsWith('250'))).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    const counts = sink.countsByDelivery();
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  });
});

describe('SMTP refusals', () => {
  it('when the server refuses a recipient permanently (5xx), then the delivery is dead at once with the reply recorded', async () => {
    const refused = `nobody.${h.env.id}@police.example.cn`;
    sink.refuse = (address) =>
      address === refused ? { code: 550, message: '5.1.1 Mailbox does not exist' } : null;
    const event = resetRequested(refused);
    await publish(h, 'accounts', event);
    const [dead] = await eventually(
      () => deliveries(h, { eventId: event.id }),
      (d) => d[0]?.status === 'dead',
    );
    expect(dead?.attempts).toBe(1);
    expect(dead?.lastError?.response).toMatch(/^550 5\.1\.1 Mailbox does not exist/);
    expect(dead?.attemptLog.map((a) => a.outcome)).toEqual(['dead']);
  });

  it('when the server answers 4xx for a while, then the delivery is retried and sent once the server accepts', async () => {
    const greylisted = `grey.${h.env.id}@police.example.cn`;
    let refusals = 0;
    sink.refuse = (address) => {
      if (address !== greylisted || refusals >= 2) return null;
      refusals += 1;
      return { code: 451, message: '4.7.1 Greylisted, try again later' };
    };
    const event = resetRequested(greylisted);
    await publish(h, 'accounts', event);
    const [sent] = await eventually(
      () => deliveries(h, { eventId: event.id }),
      (d) => d[0]?.status === 'sent',
      20_000,
    );
    expect(sent?.attemptLog.map((a) => a.outcome)).toEqual(['retry', 'retry', 'sent']);
    expect(sent?.attemptLog[0]?.response).toMatch(/^451 4\.7\.1 Greylisted/);
  });

  it('when a dead delivery is retried through the API after the cause is fixed, then it is sent', async () => {
    const address = `fixed.${h.env.id}@police.example.cn`;
    sink.refuse = (a) => (a === address ? { code: 554, message: '5.7.1 Rejected' } : null);
    const event = resetRequested(address);
    await publish(h, 'accounts', event);
    const [dead] = await eventually(
      () => deliveries(h, { eventId: event.id }),
      (d) => d[0]?.status === 'dead',
    );
    sink.refuse = () => null;
    const res = await h.app.inject({
      method: 'POST',
      url: `/deliveries/${dead?._id ?? ''}/retry`,
      headers: { authorization: `Bearer ${await (await testAuth()).token('coordinator')}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ status: string }>().status).toBe('pending');
    const [sent] = await eventually(
      () => deliveries(h, { eventId: event.id }),
      (d) => d[0]?.status === 'sent',
    );
    expect(sent?.attemptLog.map((a) => a.outcome)).toEqual(['dead', 'sent']);
  });
});
