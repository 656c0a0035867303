// Component tests of registration emails through the real broker, database and MailDev: confirmation, waitlist, promotion.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_TOKEN,
  envelope,
  newId,
  registrationData,
  type TestEnvelope,
} from '../test-support/events.ts';
import { notifierService } from '../service.ts';
import { deliveries, eventually, notifierEnv, publish } from '../test-support/bus.ts';
import {
  address,
  calendarOf,
  mailbox,
  mailsTo,
  rawOf,
  scheduleSession,
  seedAccount,
  seedBank,
} from '../test-support/world.ts';

const h = await serviceHarness(import.meta.url, notifierService, notifierEnv());
const bank = await seedBank(h);

function liaison() {
  const [l] = bank.liaisons;
  if (!l) throw new Error('seed');
  return l;
}

async function forum() {
  return (await scheduleSession(h, { invitedBankIds: [bank.bankId] })).data;
}

function confirmed(sessionId: string, attendee: { name: string; email: string | null }) {
  const r = registrationData(sessionId, bank.bankId, liaison().id, attendee);
  return envelope('registration.confirmed', r.registrationId, 1, {
    ...r,
    status: 'confirmed',
    waitlist: null,
    checkInToken: CHECK_IN_TOKEN,
  });
}

function withoutToken<T extends { checkInToken: string }>(data: T): Omit<T, 'checkInToken'> {
  const { checkInToken: _token, ...rest } = data;
  return rest;
}

describe('registration confirmation', () => {
  it('when a registration is confirmed, then the liaison and the attendee each get one confirmation with the .ics and the inline QR code', async () => {
    const session = await forum();
    const attendeeEmail = address(h, 'wang');
    await publish(
      h,
      'registrations',
      confirmed(session.id, { name: '王芳', email: attendeeEmail }),
    );

    const [toAttendee] = await mailsTo(h, attendeeEmail, /^报名成功/);
    const [toLiaison] = await mailsTo(
      h,
      liaison().email,
      new RegExp(`^报名成功：${session.title} — 王芳`),
    );
    if (!toAttendee || !toLiaison) throw new Error('unreachable');
    expect(toAttendee.subject).toBe(`报名成功：${session.title} — 王芳`);
    expect(toAttendee.to.map((a) => a.address)).toEqual([attendeeEmail]);
    expect(toAttendee.text).toContain('王芳，您好');
    expect(toLiaison.text).toContain(`${liaison().name}，您好`);
    expect(toLiaison.text).toContain('您为 王芳 提交的报名已确认');
    for (const mail of [toAttendee, toLiaison]) {
      const raw = await rawOf(h, mail);
      expect(raw).toMatch(/src=(3D)?"cid:checkin-qr@lianxin"/); // quoted-printable writes = as =3D
      expect(raw).toMatch(/Content-ID: <checkin-qr@lianxin>/i);
      expect(raw).toMatch(/Content-Disposition: inline; filename=checkin-qr\.png/i);
      expect(mail.attachments?.map((a) => a.filename).sort()).toEqual([
        'checkin-qr.png',
        'invite.ics',
      ]);
      const qr = await mailbox(h).attachment(mail, 'checkin-qr.png');
      expect(qr.subarray(1, 4).toString()).toBe('PNG');
      const ics = await calendarOf(h, mail);
      expect(ics).toMatchObject({
        method: 'REQUEST',
        uid: `session-${session.id}@lianxin`,
        sequence: 0,
        tz: 'Asia/Shanghai',
      });
      expect(ics.start.toISOString()).toBe(session.startsAt);
    }
  });

  it('when the attendee gave no email, then only the liaison is written to', async () => {
    const session = await forum();
    const event = confirmed(session.id, { name: '赵强', email: null });
    await publish(h, 'registrations', event);
    await mailsTo(h, liaison().email, new RegExp(`^报名成功：${session.title} — 赵强`));
    const docs = await deliveries(h, { eventId: event.id });
    expect(docs.map((d) => [d.template, d.recipient])).toEqual([['confirmation', liaison().email]]);
  });

  it('when a registration arrives before its liaison is in the directory, then the liaison still gets their copy once the banks topic catches up', async () => {
    const session = await forum();
    const late = { id: newId(), name: '迟到联络员', email: address(h, 'late-liaison') };
    const attendeeEmail = address(h, 'zhao');
    const r = registrationData(session.id, bank.bankId, late.id, {
      name: '赵敏',
      email: attendeeEmail,
    });
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
    // The directory learns of the liaison only now, while the consumer retries the registration.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await publish(
      h,
      'banks',
      envelope('liaison.added', bank.bankId, 100, {
        bankId: bank.bankId,
        liaisonId: late.id,
        name: late.name,
        mobile: '13900001234',
        email: late.email,
        title: '运营主管',
        role: 'backup',
        active: true,
      }),
    );
    // The registration waits out the consumer's backoff (up to 8 s between tries) meanwhile.
    const [toLiaison] = await mailsTo(h, late.email, /^报名成功/, 1, 45_000);
    const [toAttendee] = await mailsTo(h, attendeeEmail, /^报名成功/);
    expect(toLiaison?.text).toContain(`${late.name}，您好`);
    expect(toAttendee?.to.map((a) => a.address)).toEqual([attendeeEmail]);
  });

  it('when the attendee prefers English (their account says so), then their email is in English and the liaison’s in Chinese', async () => {
    const session = await forum();
    const attendeeEmail = address(h, 'li');
    await seedAccount(h, {
      id: `acct-${attendeeEmail}`,
      email: attendeeEmail,
      name: 'Li Ming',
      language: 'en',
    });
    await publish(
      h,
      'registrations',
      confirmed(session.id, { name: 'Li Ming', email: attendeeEmail }),
    );
    const [mail] = await mailsTo(h, attendeeEmail, /^Registration confirmed/);
    expect(mail?.text).toContain('Dear Li Ming');
    await mailsTo(h, liaison().email, new RegExp(`^报名成功：${session.title} — Li Ming`));
  });
});

describe('waitlist and promotion', () => {
  it('when a registration is waitlisted and later promoted, then a waitlisted notice and then one promotion notice arrive', async () => {
    const session = await forum();
    const attendeeEmail = address(h, 'sun');
    const r = registrationData(session.id, bank.bankId, liaison().id, {
      name: '孙丽',
      email: attendeeEmail,
    });
    await publish(h, 'registrations', [
      envelope('registration.waitlisted', r.registrationId, 1, {
        ...r,
        status: 'waitlisted',
        waitlist: { position: 2, reason: 'bank_quota' },
      }),
      envelope('registration.promoted', r.registrationId, 2, {
        ...r,
        status: 'confirmed',
        waitlist: null,
        checkInToken: CHECK_IN_TOKEN,
        promotedFrom: { position: 1, reason: 'bank_quota' },
      }),
    ]);
    const [waitlisted] = await mailsTo(h, attendeeEmail, /^已进入候补/);
    expect(waitlisted?.text).toContain('第 2 位，原因：本行名额已满');
    expect(waitlisted?.attachments ?? []).toEqual([]);
    const [promoted] = await mailsTo(h, attendeeEmail, /^候补转正/);
    if (!promoted) throw new Error('unreachable');
    expect((await calendarOf(h, promoted)).method).toBe('REQUEST');
    const reminders = await deliveries(h, {
      registrationId: r.registrationId,
      template: 'reminder',
    });
    expect(reminders).toHaveLength(1);
  });
});

describe('exactly once', () => {
  it('when every event is delivered three times, then each email is sent exactly once', async () => {
    const session = await forum();
    const emails = [address(h, 'a'), address(h, 'b'), address(h, 'c')];
    const events: TestEnvelope[] = emails.map((email, i) =>
      confirmed(session.id, { name: `员工${i}`, email }),
    );
    await publish(h, 'registrations', [...events, ...events]);
    await publish(h, 'registrations', events);
    for (const email of emails) await mailsTo(h, email, /^报名成功/);
    await mailsTo(h, liaison().email, new RegExp(`^报名成功：${session.title}`), 3);
    await new Promise((r) => setTimeout(r, 1_500)); // duplicates, if any, would have arrived by now
    for (const email of emails) expect(await mailsTo(h, email, /^报名成功/), email).toHaveLength(1);
    expect(
      await mailsTo(h, liaison().email, new RegExp(`^报名成功：${session.title}`)),
    ).toHaveLength(3);
    const docs = await deliveries(h, { sessionId: session.id });
    expect(docs.filter((d) => d.template === 'confirmation')).toHaveLength(6);
    expect(docs.filter((d) => d.template === 'reminder')).toHaveLength(3);
    expect(
      docs
        .filter((d) => d.template === 'confirmation')
        .every((d) => d.status === 'sent' && d.attempts === 1),
    ).toBe(true);
  });

  it('when the same registration is cancelled, then its pending reminder is cancelled and not sent', async () => {
    const session = await forum();
    const event = confirmed(session.id, { name: '钱进', email: address(h, 'qian') });
    await publish(h, 'registrations', event);
    await eventually(
      () => deliveries(h, { eventId: event.id, template: 'reminder' }),
      (d) => d.length === 1,
    );
    await publish(
      h,
      'registrations',
      envelope('registration.cancelled', event.subject, 2, {
        ...withoutToken(event.data),
        status: 'cancelled',
        waitlist: null,
        cancellation: {
          reason: 'withdrawn',
          cancelledBy: liaison().id,
          cancelledAt: new Date().toISOString(),
        },
      }),
    );
    const [reminder] = await eventually(
      () => deliveries(h, { eventId: event.id, template: 'reminder' }),
      (d) => d[0]?.status === 'cancelled',
    );
    expect(reminder?.cancelReason).toBe('registration cancelled');
  });
});
