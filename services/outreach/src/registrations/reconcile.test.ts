// Crash drills for seat accounting: the state a process death leaves at each step, and the reconciler finishing it.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import {
  attendee,
  liaisonToken,
  register,
  scheduleForum,
  seedBanks,
  uniqueMobile,
} from '../test-support/fixtures.ts';
import { newId } from '@lianxin/platform/db';
import { noCodeYet } from './check-in-code.ts';
import { reconcileRegistrations as reconcile } from './reconcile-registrations.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { seatLedger } from '../sessions/seat-ledger.ts';

// Components off: the passes under test are the only ones (the job would run one at start).
const h = await serviceHarness(import.meta.url, outreachService, { components: false });

async function pendingRegistration(
  sessionId: string,
  bankId: string,
  minutesAgo: number,
): Promise<string> {
  const id = newId();
  await h.models.registrations.create({
    _id: id,
    sessionId,
    bankId,
    attendee: { name: '张三', mobile: uniqueMobile(), email: null, position: null, branch: null },
    mobileKey: `k-${id}`,
    checkInCode: noCodeYet(id),
    status: 'pending',
    waitlist: null,
    registeredBy: 'liaison',
    registeredAt: new Date(Date.now() - minutesAgo * 60_000),
    cancellation: null,
    checkIn: null,
    feedback: null,
  });
  return id;
}

describe('reconciler', () => {
  it('when a request died after writing its registration, then the reconciler gives it a seat; a fresh one is left to its request', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 5, perBankQuota: null });
    const old = await pendingRegistration(sessionId, bank.bankId, 5);
    const fresh = await pendingRegistration(sessionId, bank.bankId, 0);
    const report = await reconcile(h.deps);
    expect(report.settled).toBe(1);
    const regs = await h.models.registrations
      .find({ _id: { $in: [old, fresh] } })
      .lean<RegistrationDoc[]>();
    expect(Object.fromEntries(regs.map((r) => [r._id, r.status]))).toEqual({
      [old]: 'confirmed',
      [fresh]: 'pending',
    });
  });

  it('when a request died after claiming the seat but before marking the registration, then the reconciler confirms it, once', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 5, perBankQuota: null });
    const id = await pendingRegistration(sessionId, bank.bankId, 5);
    await seatLedger(h.models.sessions).claimOrEnqueue(sessionId, id, bank.bankId);
    await reconcile(h.deps);
    await reconcile(h.deps);
    const reg = await h.models.registrations.findById(id).lean<RegistrationDoc>();
    expect(reg?.status).toBe('confirmed');
    // One transition recorded by the two passes (the relay may have published it already).
    expect(reg?.version).toBe(1);
    const session = await h.models.sessions.findById(sessionId).lean<SessionDoc>();
    expect(session?.confirmedCount).toBe(1);
  });

  it('when a cancellation died after marking the registration but before freeing the seat, then the reconciler frees it and promotes the next', async () => {
    const [bank] = await seedBanks(h.db, 1);
    if (!bank) throw new Error('no bank');
    const sessionId = await scheduleForum(h, [bank], { capacity: 1, perBankQuota: null });
    const token = await liaisonToken(bank);
    const post = (n: number) => register(h, token, sessionId, attendee(n));
    const first = (await post(1)).json<{ id: string }>();
    const second = (await post(2)).json<{ id: string; status: string }>();
    expect(second.status).toBe('waitlisted');
    // The cancellation's first step only, as if the process died right after it.
    await h.models.registrations.updateOne({ _id: first.id }, { $set: { status: 'cancelled' } });
    const report = await reconcile(h.deps);
    expect(report.released).toBe(1);
    const promoted = await h.models.registrations.findById(second.id).lean<RegistrationDoc>();
    expect(promoted?.status).toBe('confirmed');
    const session = await h.models.sessions.findById(sessionId).lean<SessionDoc>();
    expect(session).toMatchObject({ confirmedCount: 1, seatHolders: [second.id], queue: [] });
  });
});
