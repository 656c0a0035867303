// A burst of 1,000 registration events (then 30 cancellations and promotions): exactly one email of each kind per registration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHECK_IN_TOKEN,
  envelope,
  registrationData,
  type TestEnvelope,
} from '../test-support/events.ts';
import { eventually, startNotifier, type Harness } from '../test-support/harness.ts';
import { SmtpSink } from '../test-support/smtp-sink.ts';
import { scheduleSession, seedBank, type SeededBank } from '../test-support/world.ts';

const REGISTRATIONS = 1_000;
const CAPACITY = 100;
const CANCELLED = 30;

let sink: SmtpSink;
let h: Harness;
let banks: SeededBank[];
beforeAll(async () => {
  sink = await SmtpSink.start();
  h = await startNotifier(import.meta.url, { smtpUrl: sink.url });
  banks = [];
  for (let i = 0; i < 12; i += 1) banks.push(await seedBank(h));
}, 120_000);
afterAll(async () => {
  await h.close();
  await sink.stop();
});

describe('registration burst', () => {
  it(`when ${REGISTRATIONS} registrations arrive at once and ${CANCELLED} seats free, then one confirmation per confirmed, one notice per waitlisted and one promotion notice per promotion`, async () => {
    const { data: session } = await scheduleSession(h, {
      capacity: CAPACITY,
      perBankQuota: null,
      invitedBankIds: banks.map((b) => b.bankId),
    });
    const regs = Array.from({ length: REGISTRATIONS }, (_, i) => {
      const bank = banks[i % banks.length];
      const liaisonId = bank?.liaisons[0]?.id ?? '';
      return registrationData(session.id, bank?.bankId ?? '', liaisonId, {
        name: `员工${i}`,
        email: `staff${i}.${h.env.id}@bank.example.cn`,
      });
    });
    const events: TestEnvelope[] = regs.map((r, i) =>
      i < CAPACITY
        ? envelope('registration.confirmed', r.registrationId, 1, {
            ...r,
            status: 'confirmed',
            waitlist: null,
            checkInToken: CHECK_IN_TOKEN,
          })
        : envelope('registration.waitlisted', r.registrationId, 1, {
            ...r,
            status: 'waitlisted',
            waitlist: { position: i - CAPACITY + 1, reason: 'capacity' },
          }),
    );
    for (let i = 0; i < CANCELLED; i += 1) {
      const gone = regs[i];
      const next = regs[CAPACITY + i];
      if (!gone || !next) throw new Error('unreachable');
      events.push(
        envelope('registration.cancelled', gone.registrationId, 2, {
          ...gone,
          status: 'cancelled',
          waitlist: null,
          cancellation: {
            reason: 'withdrawn',
            cancelledBy: gone.registeredBy,
            cancelledAt: new Date().toISOString(),
          },
        }),
        envelope('registration.promoted', next.registrationId, 2, {
          ...next,
          status: 'confirmed',
          waitlist: null,
          checkInToken: CHECK_IN_TOKEN,
          promotedFrom: { position: 1, reason: 'capacity' },
        }),
      );
    }
    const t0 = Date.now();
    for (let i = 0; i < events.length; i += 200)
      await h.publish('registrations', events.slice(i, i + 200));

    // Attendee + liaison copy of each: 100 confirmations, 900 waitlisted notices, 30 promotions.
    const expected = 2 * (CAPACITY + (REGISTRATIONS - CAPACITY) + CANCELLED);
    await eventually(
      () => Promise.resolve(sink.mails.length),
      (n) => n >= expected,
      540_000,
    );
    const seconds = (Date.now() - t0) / 1000;
    console.info(
      `[measure] burst: ${events.length} events → ${expected} emails SMTP-accepted in ${seconds.toFixed(1)} s = ${(expected / seconds).toFixed(1)} emails/s`,
    );
    await new Promise((r) => setTimeout(r, 2_000)); // extras, if any, would have arrived

    expect(sink.mails).toHaveLength(expected);
    const perAttendee = (template: string) => {
      const counts = new Map<string, number>();
      for (const m of sink.mails) {
        if (m.template !== template) continue;
        for (const to of m.recipients)
          if (to.startsWith('staff')) counts.set(to, (counts.get(to) ?? 0) + 1);
      }
      return counts;
    };
    const confirmations = perAttendee('confirmation');
    const waitlisted = perAttendee('waitlisted');
    const promoted = perAttendee('promoted');
    expect(confirmations.size).toBe(CAPACITY);
    expect(waitlisted.size).toBe(REGISTRATIONS - CAPACITY);
    expect(promoted.size).toBe(CANCELLED);
    for (const counts of [confirmations, waitlisted, promoted])
      expect([...counts.values()].every((c) => c === 1)).toBe(true);
    for (const to of promoted.keys()) expect(waitlisted.has(to)).toBe(true);
    expect(new Set(sink.mails.map((m) => m.deliveryId)).size).toBe(expected);
    const reminders = await h.deliveries({ sessionId: session.id, template: 'reminder' });
    expect(reminders.filter((r) => r.status === 'pending')).toHaveLength(CAPACITY);
    expect(reminders.filter((r) => r.status === 'cancelled')).toHaveLength(CANCELLED);
  }, 1_200_000);
});
