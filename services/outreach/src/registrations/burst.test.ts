// The contested forum: 1,000 concurrent registrations from 12 liaisons, 20 interleavings, and a churn of cancellations.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import {
  attendee,
  liaisonToken,
  scheduleForum,
  seedBanks,
  type SeededBank,
  shuffle,
} from '../test-support/fixtures.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { entryOf, planPromotions } from '../sessions/seat-ledger.ts';

// Components off: no reconcile pass competes with the requests under test.
const h = await serviceHarness(import.meta.url, outreachService, { components: false });
const banks = await seedBanks(h.db, 12);
const tokens = new Map(
  await Promise.all(banks.map(async (b) => [b.bankId, await liaisonToken(b)] as const)),
);

/**
 * Each run starts from empty sessions, bookings and registrations: FerretDB scans a collection for
 * some writes, so twenty runs' leftovers would slow the later runs without testing anything more.
 */
async function fresh(): Promise<void> {
  await Promise.all([
    h.models.sessions.deleteMany({}),
    h.models.books.deleteMany({}),
    h.models.registrations.deleteMany({}),
  ]);
}

interface Reg {
  id: string;
  status: string;
  bankId: string;
  waitlist: { position: number; reason: string } | null;
}

function tokenOf(bank: SeededBank): string {
  const token = tokens.get(bank.bankId);
  if (token === undefined) throw new Error('no token');
  return token;
}

function register(bank: SeededBank, sessionId: string, n: number) {
  return h.app.inject({
    method: 'POST',
    url: `/sessions/${sessionId}/registrations`,
    headers: { authorization: `Bearer ${tokenOf(bank)}` },
    payload: attendee(n),
  });
}

/** The ledger and the registration documents tell the same story, and it respects every limit. */
async function assertConsistent(
  sessionId: string,
  capacity: number,
  quota: number,
): Promise<SessionDoc> {
  const session = await h.models.sessions.findById(sessionId).lean<SessionDoc>();
  if (!session) throw new Error('no session');
  const regs = await h.models.registrations
    .find({ sessionId }, { outbox: 0 })
    .lean<RegistrationDoc[]>();
  const confirmed = regs.filter((r) => r.status === 'confirmed');
  const waitlisted = regs.filter((r) => r.status === 'waitlisted');
  expect(regs.filter((r) => r.status === 'pending')).toEqual([]);
  expect(session.confirmedCount).toBe(confirmed.length);
  expect(confirmed.length).toBeLessThanOrEqual(capacity);
  expect(new Set(session.seatHolders)).toEqual(new Set(confirmed.map((r) => r._id)));
  expect(session.seatHolders).toHaveLength(new Set(session.seatHolders).size);
  expect(new Set(session.queue)).toEqual(new Set(waitlisted.map((r) => entryOf(r._id, r.bankId))));
  const perBank = new Map<string, number>();
  for (const r of confirmed) perBank.set(r.bankId, (perBank.get(r.bankId) ?? 0) + 1);
  for (const [bankId, n] of perBank) {
    expect(n).toBeLessThanOrEqual(quota);
    expect(session.bankConfirmed[bankId]).toBe(n);
  }
  // No waiter could take a seat right now: nobody was skipped.
  expect(planPromotions(session)).toEqual([]);
  return session;
}

describe('burst of registrations', () => {
  const runs = 20;
  const timings: number[] = [];

  it.each(Array.from({ length: Number(process.env.BURST_RUNS ?? runs) }, (_, i) => i + 1))(
    'when 1,000 registrations from 12 liaisons hit a forum of 100 seats and 10 per bank at once (run %i), then exactly 100 are confirmed, no bank above 10, the rest waitlisted, none lost, no 5xx',
    async (run) => {
      await fresh();
      const sessionId = await scheduleForum(h, banks, { capacity: 100, perBankQuota: 10 });
      const requests = shuffle(
        Array.from({ length: 1000 }, (_, n) => ({ bank: banks[n % 12] ?? banks[0], n })),
      );
      const started = performance.now();
      const responses = await Promise.all(
        requests.map(({ bank, n }) =>
          bank === undefined ? Promise.reject(new Error('no bank')) : register(bank, sessionId, n),
        ),
      );
      const elapsed = performance.now() - started;
      timings.push(elapsed);

      expect(responses.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);
      const regs = responses.map((r) => r.json<Reg>());
      const confirmed = regs.filter((r) => r.status === 'confirmed');
      const waitlisted = regs.filter((r) => r.status === 'waitlisted');
      expect(confirmed).toHaveLength(100);
      expect(waitlisted).toHaveLength(900);
      const perBank = new Map<string, number>();
      for (const r of confirmed) perBank.set(r.bankId, (perBank.get(r.bankId) ?? 0) + 1);
      expect(Math.max(...perBank.values())).toBeLessThanOrEqual(10);
      // Positions handed out are distinct: one queue, first come first served.
      expect(new Set(waitlisted.map((r) => r.waitlist?.position)).size).toBe(900);
      const session = await assertConsistent(sessionId, 100, 10);
      expect(session.queue).toHaveLength(900);
      expect(await h.models.registrations.countDocuments({ sessionId })).toBe(1000);
      console.info(`burst run ${run}: 1000 requests in ${Math.round(elapsed)} ms`);
    },
    300_000,
  );

  it('when the 20 runs are done, then their timings are reported', () => {
    expect(timings).toHaveLength(runs);
    const sorted = [...timings].sort((a, b) => a - b);
    console.info(
      `burst timings (ms): min ${Math.round(sorted[0] ?? 0)}, median ${Math.round(sorted[Math.floor(runs / 2)] ?? 0)}, max ${Math.round(sorted[runs - 1] ?? 0)}`,
    );
  });
});

describe('churn', () => {
  it('when cancellations and new registrations race on a full forum, then no limit is ever exceeded and every freed seat goes to the earliest eligible waiter', async () => {
    const capacity = 24;
    const quota = 3;
    await fresh();
    const sessionId = await scheduleForum(h, banks, { capacity, perBankQuota: quota });
    const first = await Promise.all(
      shuffle(Array.from({ length: 96 }, (_, n) => n)).map((n) =>
        register(banks[n % 12] ?? (banks[0] as SeededBank), sessionId, n),
      ),
    );
    const regs = first.map((r) => r.json<Reg>());
    await assertConsistent(sessionId, capacity, quota);

    // Watch every state the session document passes through while the churn runs.
    const watch = { on: true };
    const violations: string[] = [];
    let samples = 0;
    const watcher = (async () => {
      while (watch.on) {
        const s = await h.models.sessions.findById(sessionId).lean<SessionDoc>();
        if (!s) break;
        samples += 1;
        if (s.confirmedCount > capacity) violations.push(`confirmed ${s.confirmedCount}`);
        if (s.seatHolders.length !== s.confirmedCount) violations.push('holders ≠ count');
        for (const [bank, n] of Object.entries(s.bankConfirmed))
          if (n > quota) violations.push(`bank ${bank} at ${n}`);
        if (planPromotions(s).length > 0) violations.push('an eligible waiter was left waiting');
      }
    })();

    const toCancel = shuffle(regs).slice(0, 40);
    const ops = shuffle([
      ...toCancel.map((r) => () => {
        const bank = banks.find((b) => b.bankId === r.bankId);
        if (!bank) throw new Error('no bank');
        return h.app.inject({
          method: 'DELETE',
          url: `/sessions/${sessionId}/registrations/${r.id}`,
          headers: { authorization: `Bearer ${tokenOf(bank)}` },
        });
      }),
      ...Array.from(
        { length: 60 },
        (_, n) => () => register(banks[n % 12] ?? (banks[0] as SeededBank), sessionId, 1000 + n),
      ),
    ]);
    const responses = await Promise.all(ops.map((op) => op()));
    watch.on = false;
    await watcher;

    expect(responses.filter((r) => r.statusCode >= 300).map((r) => r.body)).toEqual([]);
    expect(violations).toEqual([]);
    expect(samples).toBeGreaterThan(5);
    const session = await assertConsistent(sessionId, capacity, quota);
    expect(session.confirmedCount).toBe(capacity);
    console.info(
      `churn: 40 cancellations and 60 registrations at once; ${samples} states sampled, 0 violations`,
    );
  }, 120_000);
});
