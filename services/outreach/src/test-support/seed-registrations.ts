// Test data: many confirmed registrations of one session written straight into the store's collection, as if
// each had been registered and its `registration.confirmed` published (version 1) — registering 1,000 through
// the API takes half a minute on FerretDB, and the tests that use this are about what comes after.
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import { newId } from '@lianxin/platform/db';
import { drawCheckInCode } from '../registrations/check-in-code.ts';
import { uniqueMobile, type Harness, type SeededBank } from './fixtures.ts';

export async function seedConfirmed(
  h: Harness,
  sessionId: string,
  banks: readonly SeededBank[],
  count: number,
): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(drawCheckInCode());
  const codeList = [...codes];
  const docs: RegistrationDoc[] = Array.from({ length: count }, (_, n) => {
    const bank = banks[n % banks.length];
    if (!bank) throw new Error('no bank');
    const mobile = uniqueMobile();
    return {
      _id: newId(),
      sessionId,
      bankId: bank.bankId,
      attendee: {
        name: `员工${n}`,
        mobile,
        email: null,
        position: '客户经理',
        branch: '香河支行营业部',
      },
      mobileKey: mobile,
      checkInCode: codeList[n] ?? '',
      status: 'confirmed',
      waitlist: null,
      registeredBy: bank.liaisonId,
      registeredAt: new Date(Date.now() - 3_600_000 + n),
      cancellation: null,
      checkIn: null,
      feedback: null,
      cancelFence: false,
      version: 1,
      outbox: [],
      outboxCount: 0,
      outboxPending: false,
      outboxLeaseOwner: null,
      outboxLeaseUntil: null,
    };
  });
  // In chunks: FerretDB 1.24 holds resources per statement of one command.
  for (let i = 0; i < docs.length; i += 100) {
    await h.models.registrations.insertMany(docs.slice(i, i + 100));
  }
  const ids = docs.map((d) => d._id);
  await h.models.sessions.updateOne(
    { _id: sessionId },
    { $set: { seatHolders: ids, confirmedCount: ids.length }, $inc: { seatRev: 1 } },
  );
  return ids;
}
