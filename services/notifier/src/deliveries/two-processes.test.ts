// Two real notifier processes on the same topics and database: every email of a few hundred is sent once, by one of them.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceHarness } from '@lianxin/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { notifierService } from '../service.ts';
import { deliveries, eventually, notifierEnv, publish } from '../test-support/bus.ts';
import { envelope } from '../test-support/events.ts';
import { spawnNotifier, type NotifierProcess } from '../test-support/notifier-process.ts';
import { SmtpSink } from '../test-support/smtp-sink.ts';

const COUNT = 300;
const sink = await SmtpSink.start();
afterAll(() => sink.stop());
// For the topics, publishing and reading the database only: no consumers, no sending.
const h = await serviceHarness(import.meta.url, notifierService, {
  ...notifierEnv(),
  components: false,
});
const processes: NotifierProcess[] = await Promise.all(
  ['notifier-a', 'notifier-b'].map((name) =>
    spawnNotifier(h.env, {
      name,
      dbName: h.env.dbName,
      smtpUrl: sink.url,
      logFile: join(tmpdir(), `${h.env.id}-${name}.log`),
    }),
  ),
);
afterAll(() => Promise.all(processes.map((p) => p.stop())));

describe('two notifier processes', () => {
  it(`when ${COUNT} account emails are requested (each event published twice), then each is sent exactly once and both processes send`, async () => {
    const events = Array.from({ length: COUNT }, (_, i) => {
      const accountId = `acct-${i}-${h.env.id}`;
      return envelope('account.activation_requested', accountId, 1, {
        accountId,
        role: 'liaison',
        bankId: '65a1b2c3d4e5f60718293a01',
        name: `联络员${i}`,
        email: `liaison${i}.${h.env.id}@bank.example.cn`,
        language: i % 2 === 0 ? 'zh' : 'en',
        link: {
          url: `https://lianxin.example.cn/activate/${accountId}`,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      });
    });
    const t0 = Date.now();
    for (let i = 0; i < events.length; i += 50) {
      const batch = events.slice(i, i + 50);
      await publish(h, 'accounts', [...batch, ...batch]);
    }
    await eventually(
      () => Promise.resolve(sink.mails.length),
      (n) => n >= COUNT,
      240_000,
    );
    const seconds = (Date.now() - t0) / 1000;
    console.info(
      `[measure] ${COUNT} emails from events to SMTP-accepted in ${seconds.toFixed(1)} s = ${(COUNT / seconds).toFixed(1)} emails/s (two processes, FerretDB)`,
    );
    await new Promise((r) => setTimeout(r, 2_000)); // a double send would show up by now

    const counts = sink.countsByDelivery();
    expect(sink.mails).toHaveLength(COUNT);
    expect(counts.size).toBe(COUNT);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    const sent = await deliveries(h, { status: 'sent' });
    expect(sent).toHaveLength(COUNT);
    const bySender = new Map<string, number>();
    for (const d of sent)
      bySender.set(
        d.sentBy?.split('-')[1] ?? 'unknown',
        (bySender.get(d.sentBy?.split('-')[1] ?? 'unknown') ?? 0) + 1,
      );
    console.info(`[measure] sent per process: ${JSON.stringify(Object.fromEntries(bySender))}`);
    expect(bySender.size).toBe(2);
  }, 300_000);
});
