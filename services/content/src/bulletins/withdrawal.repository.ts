// The withdrawals log's store: a write that unpublishes takes the next number and writes its entry; readers read the head and new numbers by exact `_id` (ADR 044).
import { isDuplicateKeyError } from '@lianxin/platform/db';
import { Types } from 'mongoose';
import type { WithdrawalModels } from './withdrawal.model.ts';

/** What one number of the log holds: a withdrawal, a voided number, or nothing yet (`null`). */
export type LogEntry = { bulletinId: string; revision: number } | 'void' | null;

const HEAD = 'head';

export class WithdrawalRepository {
  constructor(private readonly models: WithdrawalModels) {}

  /**
   * Announces that `bulletinId` is about to stop being readable at `revision`: takes the next
   * number from the head, then writes the entry under it. A number a reader voided meanwhile
   * (its writer looked dead, ADR 044) refuses the insert: take another.
   */
  async announce(bulletinId: string, revision: number): Promise<number> {
    for (;;) {
      const head = await this.models.head
        .findOneAndUpdate(
          { _id: HEAD },
          { $inc: { last: 1 } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean();
      try {
        await this.models.log.create({
          _id: head.last,
          bulletinId: new Types.ObjectId(bulletinId),
          revision,
        });
        return head.last;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
  }

  /** The last number handed out (0: none yet): one read by exact `_id`. */
  async head(): Promise<number> {
    const doc = await this.models.head.findOne({ _id: HEAD }).lean();
    return doc?.last ?? 0;
  }

  /** The entries under these numbers, each read by exact `_id` (in parallel). */
  async entries(numbers: readonly number[]): Promise<Map<number, LogEntry>> {
    const docs = await Promise.all(numbers.map((n) => this.models.log.findOne({ _id: n }).lean()));
    return new Map(docs.map((doc, i) => [numbers[i] ?? -1, doc === null ? null : entryOf(doc)]));
  }

  /** The whole log in one query: once per process (its first reader search), or after a long gap. */
  async all(): Promise<Map<number, LogEntry>> {
    const docs = await this.models.log.find({}).lean();
    return new Map(docs.map((doc) => [doc._id, entryOf(doc)]));
  }

  /** Voids a number nobody wrote; false if its entry got there first. */
  async void(n: number): Promise<boolean> {
    try {
      await this.models.log.create({ _id: n, void: true });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }
}

function entryOf(doc: {
  bulletinId?: Types.ObjectId;
  revision?: number;
  void?: boolean;
}): LogEntry {
  if (doc.void === true || doc.bulletinId === undefined || doc.revision === undefined)
    return 'void';
  return { bulletinId: doc.bulletinId.toHexString(), revision: doc.revision };
}
