// The registration store: reads (lean, without the outbox) and every write of a registration, each ONE
// single-document update carrying its event, conditioned on the state it leaves — and the relay woken after.
//
// Each transition's event is written only if the registration is still in the state the transition
// leaves (`pending` → confirmed | waitlisted, `waitlisted` → promoted, not `cancelled` → cancelled),
// so a retry, a second reconcile pass or a concurrent promoter never records a transition twice
// (issue 10, defect 1; ADR 009). One exception, for FerretDB's SQLite backend where only an exact
// `{ _id }` filter reaches SQL (ADR 006): the first transition of a young registration is written by
// its own request alone — the reconciler waits `pendingGraceMs` before touching it — so that write
// may filter by `_id` only (`guarded: false`).
import type { WaitlistPlace } from '@lianxin/contracts';
import type { BankScope } from '@lianxin/platform/auth';
import { isDuplicateKey } from '@lianxin/platform/db';
import { withEvents, type PendingEvent } from '@lianxin/platform/messaging';
import type { Model } from 'mongoose';
import { noCodeYet, withFreshCode } from './check-in-code.ts';
import {
  attendanceCheckedIn,
  feedbackFollowedUp,
  feedbackSubmitted,
  registrationCancelled,
  registrationConfirmed,
  registrationPromoted,
  registrationWaitlisted,
} from './registration.events.ts';
import type { RegistrationDoc } from './registration.model.ts';

const NO_OUTBOX = { outbox: 0 } as const;

export type NewRegistration = Omit<
  RegistrationDoc,
  | 'status'
  | 'waitlist'
  | 'cancellation'
  | 'checkIn'
  | 'checkInCode'
  | 'feedback'
  | 'mobileKey'
  | 'cancelFence'
  | keyof import('@lianxin/platform/messaging').OutboxFields
>;

export type FirstOutcome =
  { kind: 'seat'; checkInToken: string } | { kind: 'queued'; place: WaitlistPlace };

type Cancellation = NonNullable<RegistrationDoc['cancellation']>;

export class RegistrationRepository {
  constructor(
    private readonly model: Model<RegistrationDoc>,
    private readonly wake: () => void,
  ) {}

  findById(id: string): Promise<RegistrationDoc | null> {
    return this.model.findById(id, NO_OUTBOX).lean<RegistrationDoc>().exec();
  }

  /** One registration of a session, within the caller's bank scope. */
  findInSession(
    id: string,
    sessionId: string,
    scope: BankScope | null,
  ): Promise<RegistrationDoc | null> {
    return this.model
      .findOne({ _id: id, sessionId, ...(scope?.filter() ?? {}) }, NO_OUTBOX)
      .lean<RegistrationDoc>()
      .exec();
  }

  /** The registration holding a check-in code in a session (codes are unique per session). */
  findByCode(sessionId: string, checkInCode: string): Promise<RegistrationDoc | null> {
    return this.model.findOne({ sessionId, checkInCode }, NO_OUTBOX).lean<RegistrationDoc>().exec();
  }

  /** A session's registrations in arrival order, within the caller's bank scope. */
  listOfSession(
    sessionId: string,
    scope: BankScope,
    status?: RegistrationDoc['status'],
  ): Promise<RegistrationDoc[]> {
    return this.model
      .find(
        { sessionId, ...scope.filter(), ...(status === undefined ? {} : { status }) },
        NO_OUTBOX,
      )
      .sort({ registeredAt: 1, _id: 1 })
      .lean<RegistrationDoc[]>()
      .exec();
  }

  /** Every registration of a session (staff summaries, reconcile, cancellation). */
  allOfSession(sessionId: string): Promise<RegistrationDoc[]> {
    return this.model.find({ sessionId }, NO_OUTBOX).lean<RegistrationDoc[]>().exec();
  }

  /** A session's registrations without attendee details (its summary). */
  summaryRowsOfSession(sessionId: string): Promise<Omit<RegistrationDoc, 'outbox' | 'attendee'>[]> {
    return this.model
      .find({ sessionId }, { outbox: 0, attendee: 0 })
      .lean<Omit<RegistrationDoc, 'outbox' | 'attendee'>[]>()
      .exec();
  }

  /** Registrations whose seat was never decided, written before `cutoff`: their request died. */
  async stalePending(cutoff: Date): Promise<string[]> {
    const rows = await this.model
      .find({ status: 'pending', registeredAt: { $lt: cutoff } }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  /** Step 1 of registering: the document alone, unique per session and mobile. */
  async insertPending(reg: NewRegistration): Promise<RegistrationDoc | 'duplicate'> {
    const doc: RegistrationDoc = {
      ...reg,
      mobileKey: reg.attendee.mobile,
      checkInCode: noCodeYet(reg._id),
      status: 'pending',
      waitlist: null,
      cancellation: null,
      checkIn: null,
      feedback: null,
      cancelFence: false,
      // No event yet: the first one comes with the seat decision (ADR 006).
      version: 0,
      outbox: [],
      outboxCount: 0,
      outboxPending: false,
      outboxLeaseOwner: null,
      outboxLeaseUntil: null,
    };
    try {
      await this.model.create(doc);
      return doc;
    } catch (error) {
      if (isDuplicateKey(error)) return 'duplicate';
      throw error;
    }
  }

  /** A pending registration whose session closed before it got a seat or a place: it never happened. */
  async deletePending(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id });
  }

  /**
   * pending → confirmed | waitlisted, with its event. Returns the registration as it is after the
   * write — unchanged if another writer recorded the first transition before (guarded writes only).
   */
  async recordFirstTransition(
    reg: RegistrationDoc,
    outcome: FirstOutcome,
    guarded: boolean,
  ): Promise<RegistrationDoc | null> {
    const filter: Record<string, unknown> = guarded
      ? { _id: reg._id, status: 'pending' }
      : { _id: reg._id };
    if (outcome.kind === 'queued') {
      const set = { status: 'waitlisted' as const, waitlist: outcome.place };
      const done = await this.write(filter, set, registrationWaitlisted(reg, outcome.place));
      return done ? { ...reg, ...set } : this.findById(reg._id);
    }
    const set = { status: 'confirmed' as const, waitlist: null };
    const code = await withFreshCode((checkInCode) =>
      this.write(
        filter,
        { ...set, checkInCode },
        registrationConfirmed(reg, outcome.checkInToken, checkInCode),
      ),
    );
    return code === null ? this.findById(reg._id) : { ...reg, ...set, checkInCode: code };
  }

  /** waitlisted → confirmed (`registration.promoted`) with its code; several promoters may race, one records it. */
  async recordPromotion(
    reg: RegistrationDoc,
    checkInToken: string,
    from: WaitlistPlace,
  ): Promise<boolean> {
    const code = await withFreshCode((checkInCode) =>
      this.write(
        { _id: reg._id, status: 'waitlisted' },
        { status: 'confirmed', waitlist: null, checkInCode },
        registrationPromoted(reg, checkInToken, checkInCode, from),
      ),
    );
    return code !== null;
  }

  /**
   * A liaison's withdrawal: → cancelled, and the mobile number freed for this session. Not once the
   * session's cancellation has fenced the registration: that one records the cancellation instead.
   */
  async recordWithdrawal(reg: RegistrationDoc, cancellation: Cancellation): Promise<boolean> {
    return this.write(
      { _id: reg._id, status: { $ne: 'cancelled' }, cancelFence: { $ne: true } },
      {
        status: 'cancelled',
        waitlist: null,
        cancellation,
        mobileKey: `${reg.attendee.mobile}#${reg._id}`,
      },
      registrationCancelled(reg, cancellation),
    );
  }

  /**
   * Fences registrations of a cancelled session against a liaison's withdrawal: from here only the
   * session's cancellation cancels them, so each is cancelled once (ADR 010). One `{ _id }`
   * statement each (the filter FerretDB's SQLite backend serves), `BULK_STATEMENTS` of them per
   * `update` command: one round trip and one turn of the write serialiser for the lot.
   */
  async fence(ids: readonly string[], concurrency: number): Promise<void> {
    await forEachBounded(chunksOf(ids, BULK_STATEMENTS), concurrency, async (chunk) => {
      await this.model.bulkWrite(
        chunk.map((id) => ({
          updateOne: { filter: { _id: id }, update: { $set: { cancelFence: true } } },
        })),
        { ordered: false },
      );
    });
  }

  /**
   * Cancels fenced registrations read after their fence (so not cancelled then, and no withdrawal
   * can land since). Filtered by `_id` alone — the one filter FerretDB's SQLite backend serves:
   * the session's cancellation, one pass at a time under its job's lease, is their only canceller.
   * Other writers meanwhile (a first transition, a promotion) never cancel, so the order of events
   * stays valid. Sent as bulk `update` commands of `BULK_STATEMENTS` statements, up to
   * `concurrency` commands in flight; the relay is woken once.
   */
  async cancelFenced(
    regs: readonly RegistrationDoc[],
    cancellation: Cancellation,
    concurrency: number,
  ): Promise<number> {
    let done = 0;
    await forEachBounded(chunksOf(regs, BULK_STATEMENTS), concurrency, async (chunk) => {
      const res = await this.model.bulkWrite(
        chunk.map((reg) => ({
          updateOne: {
            filter: { _id: reg._id },
            update: withEvents({ $set: { status: 'cancelled', waitlist: null, cancellation } }, [
              registrationCancelled(reg, cancellation),
            ]),
          },
        })),
        { ordered: false },
      );
      done += res.matchedCount;
    });
    if (done > 0) this.wake();
    return done;
  }

  async recordCheckIn(
    reg: RegistrationDoc,
    record: NonNullable<RegistrationDoc['checkIn']>,
  ): Promise<boolean> {
    return this.write(
      { _id: reg._id, status: 'confirmed', checkIn: null },
      { checkIn: record },
      attendanceCheckedIn(reg, record),
    );
  }

  async recordFeedback(
    reg: RegistrationDoc,
    feedback: NonNullable<RegistrationDoc['feedback']>,
  ): Promise<boolean> {
    return this.write(
      { _id: reg._id, feedback: null },
      { feedback },
      feedbackSubmitted(reg, feedback),
    );
  }

  /** open → closed, once: the follow-up of a red rating, with `feedback.followed_up`. */
  async recordFollowUpClosed(
    reg: RegistrationDoc,
    closed: { closedBy: string; closedAt: Date; action: string },
  ): Promise<boolean> {
    return this.write(
      { _id: reg._id, 'feedback.followUp.status': 'open' },
      { 'feedback.followUp': { status: 'closed', ...closed } },
      feedbackFollowedUp(reg, closed),
    );
  }

  private async write(
    filter: Record<string, unknown>,
    set: Record<string, unknown>,
    event: PendingEvent,
  ): Promise<boolean> {
    const res = await this.model.updateOne(filter, withEvents({ $set: set }, [event]));
    if (res.matchedCount !== 1) return false;
    this.wake();
    return true;
  }
}

/**
 * Statements in one bulk `update` command. The serialiser holds its lock for a whole command, so
 * this bounds how long a registration request can wait behind a cancellation (about 1 ms each).
 */
const BULK_STATEMENTS = 25;

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs `fn` over `items` with at most `concurrency` calls in flight. */
async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i];
      if (item !== undefined) await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
