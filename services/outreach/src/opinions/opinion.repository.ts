// The opinion store: reads (lean, without the outbox) and each write of an opinion as one document write with its event, waking the relay.
import type { OpinionStatus, Paginated } from '@lianxin/contracts';
import { initialOutbox, withEvents, type PendingEvent } from '@lianxin/platform/messaging';
import type { Model, QueryFilter } from 'mongoose';
import type { OpinionDoc } from './opinion.model.ts';

const NO_OUTBOX = { outbox: 0 } as const;

/** The fields a follow-up changes. */
export type OpinionChange = Pick<
  OpinionDoc,
  'category' | 'ownerId' | 'dueAt' | 'status' | 'resolutionNote' | 'resolvedAt'
>;

export interface OpinionListFilter {
  status?: OpinionStatus;
  sessionId?: string;
  ownerId?: string;
  /** Unresolved with a due date before this instant. */
  overdueAt?: Date;
}

export class OpinionRepository {
  constructor(
    private readonly model: Model<OpinionDoc>,
    private readonly wake: () => void,
  ) {}

  async insert(
    fields: Omit<OpinionDoc, keyof ReturnType<typeof initialOutbox>>,
    events: PendingEvent[],
  ): Promise<OpinionDoc> {
    const doc: OpinionDoc = { ...fields, ...initialOutbox(events) };
    await this.model.create(doc);
    this.wake();
    return doc;
  }

  findById(id: string): Promise<OpinionDoc | null> {
    return this.model.findById(id, NO_OUTBOX).lean<OpinionDoc>().exec();
  }

  /**
   * Writes `change` with its event only if the opinion is still at the version `current` was read
   * at: two officers' edits never interleave into a state neither chose. False when it moved.
   */
  async change(current: OpinionDoc, change: OpinionChange, event: PendingEvent): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: current._id, version: current.version },
      withEvents({ $set: change }, [event]),
    );
    if (res.matchedCount !== 1) return false;
    this.wake();
    return true;
  }

  async list(
    filter: OpinionListFilter,
    page: number,
    pageSize: number,
  ): Promise<Paginated<OpinionDoc>> {
    const unresolved: OpinionStatus[] = ['open', 'in_progress'];
    const status =
      filter.overdueAt !== undefined
        ? { $in: filter.status === undefined ? unresolved : [filter.status] }
        : filter.status === undefined
          ? undefined
          : { $in: [filter.status] };
    const query: QueryFilter<OpinionDoc> = {
      ...(filter.sessionId === undefined ? {} : { sessionId: filter.sessionId }),
      ...(filter.ownerId === undefined ? {} : { ownerId: filter.ownerId }),
      ...(status === undefined ? {} : { status }),
      ...(filter.overdueAt === undefined ? {} : { dueAt: { $lt: filter.overdueAt } }),
    };
    const [items, total] = await Promise.all([
      this.model
        .find(query, NO_OUTBOX)
        .sort({ dueAt: 1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<OpinionDoc[]>(),
      this.model.countDocuments(query),
    ]);
    return { items, total, page, pageSize };
  }

  /** Status and due date of each opinion of a session (its summary). */
  ofSession(sessionId: string): Promise<Pick<OpinionDoc, 'status' | 'dueAt'>[]> {
    return this.model
      .find({ sessionId }, { status: 1, dueAt: 1 })
      .lean<Pick<OpinionDoc, 'status' | 'dueAt'>[]>()
      .exec();
  }
}
