// Drill: a burst of 1,000 registrations on the real broker → exactly one email per recipient per confirmation, waitlisting and promotion, counted at an SMTP server.
import { serviceHarness } from '@lianxin/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { notifierService } from '../service.ts';
import { eventually, notifierEnv, publish } from '../test-support/bus.ts';
import {
  CHECK_IN_TOKEN,
  envelope,
  registrationData,
  type TestEnvelope,
} from '../test-support/events.ts';
import { SmtpSink } from '../test-support/smtp-sink.ts';
import { scheduleSession, seedBank } from '../test-support/world.ts';

const REGISTRATIONS = Number(process.env.BURST_REGISTRATIONS ?? 1_000);
const SESSIONS = 10;
const BANKS = 5;
// Per session of 100: 60 confirmed, 40 waitlisted; then 20 confirmed cancel and 20 waitlisted are promoted.
const CONFIRMED = 60;
const PROMOTED = 20;

const sink = await SmtpSink.start();
afterAll(() => sink.stop());
const h = await serviceHarness(
  import.meta.url,
  notifierService,
  notifierEnv({ SMTP_URL: sink.url, SMTP_POOL_SIZE: '10', DISPATCH_BATCH_SIZE: '100' }),
);

type Template = 'confirmation' | 'waitlisted' | 'promoted';

describe('a burst of registrations', () => {
  it(`when ${REGISTRATIONS} registrations are published at once, then each confirmed, waitlisted and promoted one gets exactly one email per recipient`, async () => {
    const banks = await Promise.all(Array.from({ length: BANKS }, () => seedBank(h)));
    const sessions = await Promise.all(
      Array.from({ length: SESSIONS }, () =>
        scheduleSession(h, { invitedBankIds: banks.map((b) => b.bankId), capacity: CONFIRMED }),
      ),
    );
    const expected = new Map<string, number>(); // `${template} ${recipient}` → emails
    const expect1 = (template: Template, to: string | null) => {
      if (to === null) return;
      const key = `${template} ${to}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    };
    const perSession = REGISTRATIONS / SESSIONS;
    const firsts: TestEnvelope[] = [];
    const seconds: TestEnvelope[] = [];
    let i = 0;
    for (const { data: session } of sessions) {
      for (let k = 0; k < perSession; k += 1) {
        i += 1;
        const bank = banks[i % BANKS];
        const liaison = bank?.liaisons[0];
        if (bank === undefined || liaison === undefined) throw new Error('seed');
        // Every other attendee gave an email: they are written to besides their liaison.
        const email = i % 2 === 0 ? `a${i}.${h.env.id}@bank.example.cn` : null;
        const r = registrationData(session.id, bank.bankId, liaison.id, {
          name: `参会人${i}`,
          email,
        });
        const recipients = [liaison.email, email];
        if (k < CONFIRMED) {
          firsts.push(
            envelope('registration.confirmed', r.registrationId, 1, {
              ...r,
              status: 'confirmed',
              waitlist: null,
              checkInToken: CHECK_IN_TOKEN,
            }),
          );
          recipients.forEach((to) => {
            expect1('confirmation', to);
          });
          if (k < PROMOTED) {
            seconds.push(
              envelope('registration.cancelled', r.registrationId, 2, {
                ...r,
                status: 'cancelled',
                waitlist: null,
                cancellation: {
                  reason: 'withdrawn',
                  cancelledBy: liaison.id,
                  cancelledAt: new Date().toISOString(),
                },
              }),
            );
          }
        } else {
          firsts.push(
            envelope('registration.waitlisted', r.registrationId, 1, {
              ...r,
              status: 'waitlisted',
              waitlist: { position: k - CONFIRMED + 1, reason: 'capacity' },
            }),
          );
          recipients.forEach((to) => {
            expect1('waitlisted', to);
          });
          if (k < CONFIRMED + PROMOTED) {
            seconds.push(
              envelope('registration.promoted', r.registrationId, 2, {
                ...r,
                status: 'confirmed',
                waitlist: null,
                checkInToken: CHECK_IN_TOKEN,
                promotedFrom: { position: k - CONFIRMED + 1, reason: 'capacity' },
              }),
            );
            recipients.forEach((to) => {
              expect1('promoted', to);
            });
          }
        }
      }
    }
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    const counted = () => sink.mails.filter((m) => m.template !== 'invitation');

    const t0 = Date.now();
    for (let j = 0; j < firsts.length; j += 100)
      await publish(h, 'registrations', firsts.slice(j, j + 100));
    await publish(h, 'registrations', seconds);
    const published = Date.now();
    // Planned: every email of the burst is a delivery document (the consumers are done).
    await eventually(
      () =>
        h.models.deliveries.countDocuments({
          template: { $in: ['confirmation', 'waitlisted', 'promoted'] },
        }),
      (n) => n >= total,
      600_000,
    );
    const planned = Date.now();
    await eventually(
      () => Promise.resolve(counted().length),
      (n) => n >= total,
      600_000,
    );
    const done = Date.now();
    await new Promise((r) => setTimeout(r, 3_000)); // a late duplicate would show up by now

    const elapsed = (done - t0) / 1000;
    const stats = h.deps.dispatcher.stats;
    console.info(
      `[measure] ${REGISTRATIONS} registrations (+${seconds.length} cancellations/promotions) → ${total} emails: ` +
        `published in ${((published - t0) / 1000).toFixed(1)} s, all planned after ${((planned - t0) / 1000).toFixed(1)} s, ` +
        `all sent after ${elapsed.toFixed(1)} s = ${(total / elapsed).toFixed(1)} emails/s; dispatcher: ` +
        `${stats.passes} passes, ${stats.claimed} claimed, find ${Math.round(stats.findMs)} ms, claim ${Math.round(stats.claimMs)} ms, ` +
        `send ${Math.round(stats.sendMs)} ms, record ${Math.round(stats.completeMs)} ms`,
    );

    const got = new Map<string, number>();
    for (const m of counted()) {
      for (const to of m.recipients)
        got.set(`${m.template} ${to}`, (got.get(`${m.template} ${to}`) ?? 0) + 1);
    }
    expect(counted()).toHaveLength(total);
    expect([...sink.countsByDelivery().values()].filter((c) => c > 1)).toEqual([]);
    expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...expected].sort()));
  }, 900_000);
});
