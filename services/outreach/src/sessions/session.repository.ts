// The session store: reads of the session aggregate (lean, bank-scoped for liaisons) and its writes, each one single-document update with its events, waking the relay.
import { randomUUID } from 'node:crypto';
import type { Paginated } from '@lianxin/contracts';
import type { Principal } from '@lianxin/platform/auth';
import { initialOutbox, withEvents, type PendingEvent } from '@lianxin/platform/messaging';
import type { Model, QueryFilter } from 'mongoose';
import { sessionCancelled } from './session.events.ts';
import type { SessionCore, SessionDoc } from './session.model.ts';
import { sessionNotFound } from './session.rules.ts';
import { toSnapshot } from './session.view.ts';

/** The ledger arrays and the outbox are large; most reads need neither. */
export const WITHOUT_LEDGER = { seatHolders: 0, queue: 0, outbox: 0 } as const;

/** A session without its ledger arrays and outbox. */
export type SessionHead = Omit<SessionDoc, 'seatHolders' | 'queue' | 'outbox'>;

export interface PendingCancellation {
  sessionId: string;
  cancelledBy: string;
}

export interface SessionListFilter {
  from?: Date;
  to?: Date;
  kind?: SessionDoc['kind'];
  status?: SessionDoc['status'];
  bankId?: string;
  hostOfficerId?: string;
}

/** What an edit writes besides its event (the seat part comes from the seat ledger's plan). */
export interface SessionEdit {
  set: Record<string, unknown>;
  inc?: Record<string, number>;
  max?: Record<string, number>;
  pullAll?: Record<string, string[]>;
}

/** A liaison sees only the sessions their bank is invited to: others do not exist for them. */
function visible(principal: Principal, id: string): QueryFilter<SessionDoc> {
  return principal.role === 'liaison' ? { _id: id, invitedBankIds: principal.bankId } : { _id: id };
}

export class SessionRepository {
  constructor(
    private readonly model: Model<SessionDoc>,
    private readonly wake: () => void,
  ) {}

  /** A new session with its first event. */
  async insert(fields: SessionCore, events: PendingEvent[]): Promise<SessionDoc> {
    const doc: SessionDoc = { ...fields, ...initialOutbox(events) };
    await this.model.create(doc);
    this.wake();
    return doc;
  }

  findById(id: string): Promise<SessionDoc | null> {
    return this.model.findById(id).lean<SessionDoc>().exec();
  }

  async getOrThrow(id: string): Promise<SessionDoc> {
    const doc = await this.findById(id);
    if (!doc) throw sessionNotFound();
    return doc;
  }

  /** Throws 404 unless the session exists. */
  async requireExisting(id: string): Promise<void> {
    if ((await this.model.countDocuments({ _id: id })) === 0) throw sessionNotFound();
  }

  async findVisible(principal: Principal, id: string): Promise<SessionDoc> {
    const doc = await this.model.findOne(visible(principal, id)).lean<SessionDoc>();
    if (!doc) throw sessionNotFound();
    return doc;
  }

  /** As findVisible, without the large ledger arrays (registration's hot path). */
  async findVisibleHead(principal: Principal, id: string): Promise<SessionHead> {
    const doc = await this.model
      .findOne(visible(principal, id), WITHOUT_LEDGER)
      .lean<SessionHead>();
    if (!doc) throw sessionNotFound();
    return doc;
  }

  async headOrThrow(id: string): Promise<SessionHead> {
    const doc = await this.model.findById(id, WITHOUT_LEDGER).lean<SessionHead>();
    if (!doc) throw sessionNotFound();
    return doc;
  }

  async titleOf(id: string): Promise<string | null> {
    const doc = await this.model.findById(id, { title: 1 }).lean<{ title: string }>();
    return doc?.title ?? null;
  }

  async existsWithTitle(title: string): Promise<boolean> {
    return (await this.model.countDocuments({ title })) > 0;
  }

  /** A page of sessions, without the ledger arrays. */
  list(f: SessionListFilter, page: number, pageSize: number): Promise<Paginated<SessionHead>> {
    // A page of sessions with 10,000 seat holders each was megabytes the view never shows
    // (GET /sessions p50 2.8 s beside one 10,000-registration session).
    return this.page<SessionHead>(f, page, pageSize, WITHOUT_LEDGER);
  }

  /** As list, with each session's waiting queue (an invitation counts the bank's place in it). */
  listWithQueue(
    f: SessionListFilter,
    page: number,
    pageSize: number,
  ): Promise<Paginated<SessionHead & Pick<SessionDoc, 'queue'>>> {
    return this.page(f, page, pageSize, { seatHolders: 0, outbox: 0 });
  }

  private async page<T>(
    f: SessionListFilter,
    page: number,
    pageSize: number,
    projection: Record<string, 0>,
  ): Promise<Paginated<T>> {
    const startsAt: Record<string, Date> = {};
    if (f.from !== undefined) startsAt.$gte = f.from;
    if (f.to !== undefined) startsAt.$lt = f.to;
    const query: QueryFilter<SessionDoc> = {
      ...(Object.keys(startsAt).length > 0 ? { startsAt } : {}),
      ...(f.kind === undefined ? {} : { kind: f.kind }),
      ...(f.status === undefined ? {} : { status: f.status }),
      ...(f.bankId === undefined ? {} : { invitedBankIds: f.bankId }),
      ...(f.hostOfficerId === undefined ? {} : { hostOfficerIds: f.hostOfficerId }),
    };
    const [items, total] = await Promise.all([
      this.model
        .find(query, projection)
        .sort({ startsAt: 1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<T[]>(),
      this.model.countDocuments(query),
    ]);
    return { items, total, page, pageSize };
  }

  /** Scheduled sessions with someone in their ledger (the reconciler's scan). */
  async openLedgers(): Promise<Pick<SessionDoc, '_id' | 'seatHolders' | 'queue'>[]> {
    return this.model
      .find({ status: 'scheduled' }, { _id: 1, seatHolders: 1, queue: 1 })
      .lean<Pick<SessionDoc, '_id' | 'seatHolders' | 'queue'>[]>();
  }

  /**
   * An edit with its event, written only if the session is still scheduled, at the version the
   * edit was based on and with the seat ledger as the edit's plan read it (`seatRev`): all of it
   * or nothing. False when any of those moved.
   */
  async applyEdit(
    current: Pick<SessionDoc, '_id' | 'version' | 'seatRev'>,
    lock: string,
    edit: SessionEdit,
    event: PendingEvent,
  ): Promise<boolean> {
    const update: Record<string, unknown> = { $set: { ...edit.set, editLock: null } };
    if (edit.inc !== undefined && Object.keys(edit.inc).length > 0) update.$inc = edit.inc;
    if (edit.max !== undefined && Object.keys(edit.max).length > 0) update.$max = edit.max;
    if (edit.pullAll !== undefined && Object.keys(edit.pullAll).length > 0)
      update.$pullAll = edit.pullAll;
    const res = await this.model.updateOne(
      {
        _id: current._id,
        status: 'scheduled',
        version: current.version,
        seatRev: current.seatRev,
        'editLock.token': lock,
      },
      withEvents(update, [event]),
    );
    if (res.matchedCount !== 1) return false;
    this.wake();
    return true;
  }

  /**
   * Takes the session's edit lock if the session is scheduled, still at `version` and nobody else
   * holds an unexpired lock: edits of one session run one at a time, so an edit that loses never
   * touches the slot books (ADR 018). Returns the lock's token, or null.
   */
  async lockForEdit(
    id: string,
    version: number,
    now: Date,
    holdMs = 30_000,
  ): Promise<string | null> {
    const token = randomUUID();
    const res = await this.model.updateOne(
      {
        _id: id,
        status: 'scheduled',
        version,
        $or: [{ editLock: null }, { 'editLock.until': { $lt: now } }],
      },
      { $set: { editLock: { token, until: new Date(now.getTime() + holdMs) } } },
    );
    return res.matchedCount === 1 ? token : null;
  }

  /** Gives the edit lock back (an edit that failed after taking it). */
  async unlock(id: string, token: string): Promise<void> {
    await this.model.updateOne({ _id: id, 'editLock.token': token }, { $set: { editLock: null } });
  }

  /** scheduled → completed with `session.completed`; false if it was no longer scheduled. */
  async markCompleted(
    current: SessionDoc,
    completedAt: Date,
    event: PendingEvent,
  ): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: current._id, status: 'scheduled' },
      withEvents({ $set: { status: 'completed', completedAt } }, [event]),
    );
    if (res.matchedCount !== 1) return false;
    this.wake();
    return true;
  }

  /**
   * scheduled → cancelled, with `session.cancelled`, flagged so that its registrations are cancelled
   * in the background (ADR 010). False if it was no longer scheduled.
   */
  async markCancelled(
    current: SessionDoc,
    cancellation: NonNullable<SessionDoc['cancellation']>,
  ): Promise<boolean> {
    const event = sessionCancelled({
      ...toSnapshot(current),
      status: 'cancelled',
      cancellation: { ...cancellation, cancelledAt: cancellation.cancelledAt.toISOString() },
    });
    const res = await this.model.updateOne(
      { _id: current._id, status: 'scheduled' },
      withEvents({ $set: { status: 'cancelled', cancellation, cancellingRegistrations: true } }, [
        event,
      ]),
    );
    if (res.matchedCount !== 1) return false;
    this.wake();
    return true;
  }

  /** Cancelled sessions whose registrations are still being cancelled (an equality: index-served). */
  async pendingCancellations(): Promise<PendingCancellation[]> {
    const rows = await this.model
      .find({ cancellingRegistrations: true }, { _id: 1, cancellation: 1 })
      .lean<Pick<SessionDoc, '_id' | 'cancellation'>[]>()
      .exec();
    return rows.map((r) => ({
      sessionId: r._id,
      cancelledBy: r.cancellation?.cancelledBy ?? 'system',
    }));
  }

  /** Every registration of the session is cancelled: the background work is done (no event: no state a consumer sees). */
  async markRegistrationsCancelled(sessionId: string): Promise<void> {
    await this.model.updateOne({ _id: sessionId }, { $set: { cancellingRegistrations: false } });
  }
}
