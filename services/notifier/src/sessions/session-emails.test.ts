// Component tests of session emails through the real broker, database and MailDev: invitations, reschedules, cancellations.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_TOKEN,
  DAY,
  envelope,
  HOUR,
  newId,
  registrationData,
  sessionData,
} from '../test-support/events.ts';
import { notifierService } from '../service.ts';
import { deliveries, eventually, notifierEnv, publish } from '../test-support/bus.ts';
import {
  address,
  calendarOf,
  mailbox,
  mailsTo,
  scheduleSession,
  seedAccount,
  seedBank,
} from '../test-support/world.ts';

const h = await serviceHarness(import.meta.url, notifierService, notifierEnv());

describe('forum invitations', () => {
  it('when a bank forum is scheduled, then each active liaison of each invited active bank gets one invitation with a REQUEST .ics in Beijing time', async () => {
    const open = await seedBank(h, { liaisons: [{}, { active: false }] });
    const english = await seedBank(h, { liaisons: [{ name: 'Wang Lei' }] });
    const suspended = await seedBank(h, { status: 'suspended' });
    const notInvited = await seedBank(h);
    const [active, inactive] = open.liaisons;
    const [englishLiaison] = english.liaisons;
    if (!active || !inactive || !englishLiaison) throw new Error('seed');
    await seedAccount(h, {
      id: englishLiaison.id,
      email: englishLiaison.email,
      name: 'Wang Lei',
      language: 'en',
    });

    const { data } = await scheduleSession(h, {
      invitedBankIds: [open.bankId, english.bankId, suspended.bankId],
    });

    const [zh] = await mailsTo(h, active.email, /^邀请/);
    const [en] = await mailsTo(h, englishLiaison.email, /^Invitation/);
    if (!zh || !en) throw new Error('unreachable');
    expect(zh.subject).toBe(
      `邀请：${data.title}（${new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(data.startsAt))}）`,
    );
    expect(zh.text).toContain(`${active.name}，您好`);
    expect(zh.html).toContain('无主席台、无讲稿');
    expect(en.subject).toMatch(/^Invitation: /);
    expect(en.text).toContain('Dear Wang Lei');
    expect(en.text).toContain('Test Bank');

    const ics = await calendarOf(h, zh);
    expect(ics).toMatchObject({
      method: 'REQUEST',
      uid: `session-${data.id}@lianxin`,
      sequence: 0,
      tz: 'Asia/Shanghai',
      status: 'CONFIRMED',
    });
    expect(ics.start.toISOString()).toBe(data.startsAt);
    expect(ics.end.toISOString()).toBe(data.endsAt);

    const invitations = await deliveries(h, { sessionId: data.id, template: 'invitation' });
    expect(invitations.map((d) => d.recipient).sort()).toEqual(
      [active.email, englishLiaison.email].sort(),
    );
    for (const nobody of [
      inactive.email,
      suspended.liaisons[0]?.email,
      notInvited.liaisons[0]?.email,
    ]) {
      expect(await mailbox(h).to(nobody ?? '')).toEqual([]);
    }
  });
});

describe('forum invitations when the bank directory lags', () => {
  it('when a forum arrives before its invited bank does (topics replayed at once), then the invitation waits for the bank and is sent', async () => {
    const bankId = newId();
    const liaisonId = newId();
    const email = address(h, 'late');
    const data = sessionData({ invitedBankIds: [bankId] });
    await publish(h, 'sessions', envelope('session.scheduled', data.id, 1, data));
    await new Promise((r) => setTimeout(r, 700));
    await publish(h, 'banks', [
      envelope('bank.registered', bankId, 1, {
        id: bankId,
        code: `LATE-${bankId.slice(-6).toUpperCase()}`,
        name: { zh: '迟到银行香河支行', en: null },
        shortName: '迟到银行',
        type: 'rural_commercial',
        district: '蒋辛屯镇',
        status: 'active',
        suspension: null,
      }),
      envelope('liaison.added', bankId, 2, {
        bankId,
        liaisonId,
        name: '陈晨',
        mobile: '13900001111',
        email,
        title: null,
        role: 'primary',
        active: true,
      }),
    ]);
    const [mail] = await mailsTo(h, email, /^邀请/);
    expect(mail?.text).toContain('迟到银行香河支行');
  });
});

describe('reschedule and cancellation', () => {
  async function forumWithRegistrations() {
    const bank = await seedBank(h);
    const [liaison] = bank.liaisons;
    if (!liaison) throw new Error('seed');
    const { data, event } = await scheduleSession(h, { invitedBankIds: [bank.bankId] });
    const withEmail = registrationData(data.id, bank.bankId, liaison.id, {
      name: '王芳',
      email: address(h, 'wang'),
    });
    const withoutEmail = registrationData(data.id, bank.bankId, liaison.id, {
      name: '赵强',
      email: null,
    });
    const waiting = registrationData(data.id, bank.bankId, liaison.id, {
      name: '孙丽',
      email: address(h, 'sun'),
    });
    await publish(h, 'registrations', [
      envelope('registration.confirmed', withEmail.registrationId, 1, {
        ...withEmail,
        status: 'confirmed',
        waitlist: null,
        checkInToken: CHECK_IN_TOKEN,
      }),
      envelope('registration.confirmed', withoutEmail.registrationId, 1, {
        ...withoutEmail,
        status: 'confirmed',
        waitlist: null,
        checkInToken: CHECK_IN_TOKEN,
      }),
      envelope('registration.waitlisted', waiting.registrationId, 1, {
        ...waiting,
        status: 'waitlisted',
        waitlist: { position: 1, reason: 'capacity' },
      }),
    ]);
    await eventually(
      () => h.models.registrations.countDocuments({ sessionId: data.id }),
      (c) => c === 3,
    );
    return {
      data,
      event,
      liaison,
      attendees: [withEmail.attendee.email ?? '', waiting.attendee.email ?? ''],
    };
  }

  it('when a session is rescheduled, then everyone registered gets the new time with the same UID and SEQUENCE 1, and the reminder moves', async () => {
    const { data, liaison, attendees } = await forumWithRegistrations();
    const startsAt = new Date(new Date(data.startsAt).getTime() + DAY + 2 * HOUR).toISOString();
    const endsAt = new Date(new Date(startsAt).getTime() + 3 * HOUR).toISOString();
    await publish(
      h,
      'sessions',
      envelope('session.rescheduled', data.id, 2, {
        ...data,
        startsAt,
        endsAt,
        venue: { name: '县政务中心二楼', address: '香河县秀水街8号' },
        previous: { startsAt: data.startsAt, endsAt: data.endsAt, venue: data.venue },
      }),
    );
    for (const to of [liaison.email, ...attendees]) {
      const mails = await mailsTo(h, to, /^活动时间或地点变更/);
      const [mail] = mails;
      if (!mail) throw new Error('unreachable');
      expect(mail.text).toContain('县政务中心二楼');
      const ics = await calendarOf(h, mail);
      expect(ics).toMatchObject({
        method: 'REQUEST',
        uid: `session-${data.id}@lianxin`,
        sequence: 1,
        tz: 'Asia/Shanghai',
      });
      expect([ics.start.toISOString(), ics.end.toISOString()]).toEqual([startsAt, endsAt]);
    }
    await new Promise((r) => setTimeout(r, 500)); // anything extra would have arrived by now
    for (const to of [liaison.email, ...attendees])
      expect(await mailsTo(h, to, /^活动时间或地点变更/), to).toHaveLength(1);
    const [reminder] = await deliveries(h, { sessionId: data.id, template: 'reminder' });
    expect(reminder?.dueAt.toISOString()).toBe(
      new Date(new Date(startsAt).getTime() - DAY).toISOString(),
    );
  });

  it('when a session is cancelled, then everyone registered gets a METHOD:CANCEL for the same UID and pending reminders are cancelled', async () => {
    const { data, liaison, attendees } = await forumWithRegistrations();
    const cancelled = envelope('session.cancelled', data.id, 2, {
      ...data,
      status: 'cancelled',
      cancellation: {
        reason: '因寒潮预警取消',
        cancelledBy: 'officer-zhang',
        cancelledAt: new Date().toISOString(),
      },
    });
    await publish(h, 'sessions', cancelled);
    for (const to of [liaison.email, ...attendees]) {
      const [mail] = await mailsTo(h, to, /^活动取消/);
      if (!mail) throw new Error(`no cancellation to ${to}`);
      expect(mail.text).toContain('因寒潮预警取消');
      const ics = await calendarOf(h, mail, 'cancel.ics');
      expect(ics).toMatchObject({
        method: 'CANCEL',
        uid: `session-${data.id}@lianxin`,
        sequence: 1,
        status: 'CANCELLED',
      });
    }
    await new Promise((r) => setTimeout(r, 500)); // anything extra would have arrived by now
    for (const to of [liaison.email, ...attendees])
      expect(await mailsTo(h, to, /^活动取消/), to).toHaveLength(1);
    const reminders = await deliveries(h, { sessionId: data.id, template: 'reminder' });
    expect(reminders.map((r) => r.status)).toEqual(['cancelled']);
    expect(await deliveries(h, { eventId: cancelled.id })).toHaveLength(3);
  });
});
