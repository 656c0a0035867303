// A reminder is a stored delivery due 24 h before the start: one that fell due while the notifier was stopped is sent when it starts.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceHarness } from '@lianxin/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { notifierService } from '../service.ts';
import { deliveries, eventually, notifierEnv, publish } from '../test-support/bus.ts';
import { CHECK_IN_TOKEN, DAY, envelope, HOUR, registrationData } from '../test-support/events.ts';
import { spawnNotifier, type NotifierProcess } from '../test-support/notifier-process.ts';
import { address, mailbox, mailsTo, scheduleSession, seedBank } from '../test-support/world.ts';

// The notifiers are real processes (main.ts) on this file's database and topics; the harness
// only seeds events and reads the database (no consumers, no dispatcher of its own).
const h = await serviceHarness(import.meta.url, notifierService, {
  ...notifierEnv(),
  components: false,
});
const running: NotifierProcess[] = [];
afterAll(() => Promise.all(running.map((p) => p.stop())));
const notifier = async (name: string) => {
  const p = await spawnNotifier(h.env, {
    name,
    dbName: h.env.dbName,
    smtpUrl: h.ctx.config.SMTP_URL,
    logFile: join(tmpdir(), `${h.env.id}-${name}.log`),
  });
  running.push(p);
  return p;
};

describe('reminders', () => {
  it('when a reminder falls due while the notifier is stopped, then it is sent as soon as the notifier starts again, once', async () => {
    const first = await notifier('notifier-first');
    const bank = await seedBank(h);
    const liaisonId = bank.liaisons[0]?.id ?? '';
    // Due 25 s from now: time for the first process to send the confirmation and stop before it.
    const startsAt = new Date(Date.now() + DAY + 25_000);
    const { data: session } = await scheduleSession(h, {
      invitedBankIds: [bank.bankId],
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    });
    const email = address(h, 'zhou');
    const r = registrationData(session.id, bank.bankId, liaisonId, { name: '周敏', email });
    await publish(
      h,
      'registrations',
      envelope('registration.confirmed', r.registrationId, 1, {
        ...r,
        status: 'confirmed',
        waitlist: null,
        checkInToken: CHECK_IN_TOKEN,
      }),
    );
    await mailsTo(h, email, /^报名成功/);
    const [reminder] = await eventually(
      () => deliveries(h, { registrationId: r.registrationId, template: 'reminder' }),
      (d) => d.length === 1,
    );
    expect(reminder?.status).toBe('pending');
    expect(reminder?.dueAt.getTime()).toBe(startsAt.getTime() - DAY);

    await first.stop();
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, startsAt.getTime() - DAY - Date.now()) + 1_500),
    );
    expect((await mailbox(h).to(email)).filter((m) => m.subject.startsWith('明天见'))).toEqual([]);

    await notifier('notifier-second');
    const [mail] = await mailsTo(h, email, /^明天见：/);
    expect(mail?.text).toContain('周敏，您好');
    expect(mail?.attachments?.map((a) => a.filename).sort()).toEqual([
      'checkin-qr.png',
      'invite.ics',
    ]);
    const [sent] = await deliveries(h, {
      registrationId: r.registrationId,
      template: 'reminder',
    });
    expect(sent?.status).toBe('sent');
    expect(sent?.sentAt?.getTime()).toBeGreaterThan(startsAt.getTime() - DAY);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await mailsTo(h, email, /^明天见：/)).toHaveLength(1);
  }, 120_000);
});
