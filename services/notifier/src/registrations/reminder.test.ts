// A reminder is a stored delivery due 24 h before the start: one that fell due while the notifier was stopped is sent when it starts.
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_IN_TOKEN, DAY, envelope, HOUR, registrationData } from '../test-support/events.ts';
import { eventually, startNotifier, type Harness } from '../test-support/harness.ts';
import { address, mailbox, mailsTo, scheduleSession, seedBank } from '../test-support/world.ts';

let second: Harness | undefined;
afterAll(async () => {
  await second?.close();
});

describe('reminders', () => {
  it('when a reminder falls due while the notifier is stopped, then it is sent as soon as the notifier starts again, once', async () => {
    const first = await startNotifier(import.meta.url, { dbSuffix: 'r' });
    const bank = await seedBank(first);
    const liaisonId = bank.liaisons[0]?.id ?? '';
    const startsAt = new Date(Date.now() + DAY + 6_000);
    const { data: session } = await scheduleSession(first, {
      invitedBankIds: [bank.bankId],
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    });
    const email = address(first, 'zhou');
    const r = registrationData(session.id, bank.bankId, liaisonId, { name: '周敏', email });
    await first.publish(
      'registrations',
      envelope('registration.confirmed', r.registrationId, 1, {
        ...r,
        status: 'confirmed',
        waitlist: null,
        checkInToken: CHECK_IN_TOKEN,
      }),
    );
    await mailsTo(first, email, /^报名成功/);
    const [reminder] = await eventually(
      () => first.deliveries({ registrationId: r.registrationId, template: 'reminder' }),
      (d) => d.length === 1,
    );
    expect(reminder?.status).toBe('pending');
    expect(reminder?.dueAt.getTime()).toBe(startsAt.getTime() - DAY);

    await first.close({ drop: false });
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, startsAt.getTime() - DAY - Date.now()) + 1_500),
    );
    expect((await mailbox(first).to(email)).filter((m) => m.subject.startsWith('明天见'))).toEqual(
      [],
    );

    second = await startNotifier(import.meta.url, { dbSuffix: 'r' });
    const [mail] = await mailsTo(second, email, /^明天见：/);
    expect(mail?.text).toContain('周敏，您好');
    expect(mail?.attachments?.map((a) => a.filename).sort()).toEqual([
      'checkin-qr.png',
      'invite.ics',
    ]);
    const [sent] = await second.deliveries({
      registrationId: r.registrationId,
      template: 'reminder',
    });
    expect(sent?.status).toBe('sent');
    expect(sent?.sentAt?.getTime()).toBeGreaterThan(startsAt.getTime() - DAY);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await mailsTo(second, email, /^明天见：/)).toHaveLength(1);
  });
});
