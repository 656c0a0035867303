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
  registrationsCancelledWithSession,
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
   * A liaison's withdrawal: → cancelled, and the mobile number freed for this session; not if the
   * session's cancellation cancelled it first. (`cancelFence` was set by the fence of an earlier
   * version's session cancellation, which then cancelled the registration itself.)
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

  /** The live registrations of a session: id, status and arrival only (what a cancellation pass plans with). */
  liveOfSession(
    sessionId: string,
  ): Promise<Pick<RegistrationDoc, '_id' | 'status' | 'registeredAt'>[]> {
    return this.model
      .find({ sessionId, status: { $ne: 'cancelled' } }, { _id: 1, status: 1, registeredAt: 1 })
      .lean<Pick<RegistrationDoc, '_id' | 'status' | 'registeredAt'>[]>()
      .exec();
  }

  /**
   * Cancels these registrations of a session with their session: ONE multi-document update, the
   * same `$set` and one shared `registration.cancelled` each (the relay gives every registration
   * its own id and snapshot). Conditioned per document on still being live and not a `pending`
   * one newer than `pendingBefore` (its request is still deciding its seat): a withdrawal that
   * landed first makes it not match, and one after it finds it cancelled — the write serialiser
   * runs the command's documents with no other write between them, and MongoDB applies each
   * document's update atomically. Filtered by `sessionId` (index-served) and `status` in SQL; the
   * `_id` list and the grace are checked on those rows. Returns how many it cancelled.
   */
  async cancelWithSession(
    sessionId: string,
    ids: readonly string[],
    cancellation: Cancellation,
    pendingBefore: Date,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const res = await this.model.updateMany(
      {
        sessionId,
        status: { $ne: 'cancelled' },
        _id: { $in: [...ids] },
        $or: [{ status: { $ne: 'pending' } }, { registeredAt: { $lt: pendingBefore } }],
      },
      withEvents({ $set: { status: 'cancelled', waitlist: null, cancellation } }, [
        registrationsCancelledWithSession(cancellation),
      ]),
    );
    if (res.modifiedCount > 0) this.wake();
    return res.modifiedCount;
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
