// The delivery store: plans new emails idempotently, claims due ones by conditional update, records outcomes.
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { mongo } from 'mongoose';
import type { EmailContent, Language, TemplateName } from '../email/email.schemas.ts';
import type { AttemptRecord, ClaimDoc, DeliveryDoc, DeliveryStatus } from './delivery.model.ts';
import { deliveryIdOf } from './delivery.rules.ts';

/** One email to plan: what, to whom, for which cause, and when it may go. */
export interface DeliveryPlan {
  key: string;
  eventId: string | null;
  eventType: string | null;
  content: EmailContent;
  recipient: { email: string; name: string | null };
  language: Language;
  sessionId?: string | null;
  registrationId?: string | null;
  dueAt: Date;
  notAfter?: Date | null;
}

export type Outcome =
  | { status: 'sent'; at: Date; messageId: string; response: string }
  | { status: 'retry'; at: Date; dueAt: Date; code: string | null; response: string }
  | { status: 'dead'; at: Date; code: string | null; response: string }
  | { status: 'cancelled'; at: Date; reason: string };

export interface DeliveryFilter {
  status?: DeliveryStatus;
  template?: TemplateName;
  recipient?: string;
  eventId?: string;
  sessionId?: string;
}

function isDuplicateOnly(err: unknown): boolean {
  if (!(err instanceof mongo.MongoBulkWriteError)) {
    return err instanceof mongo.MongoServerError && err.code === 11000;
  }
  const raw: unknown = err.writeErrors;
  const errors: unknown[] = Array.isArray(raw) ? raw : [raw];
  return errors.every(
    (e) => typeof e === 'object' && e !== null && 'code' in e && e.code === 11000,
  );
}

/** What retention may delete: nothing pending, sending or due again. */
const FINISHED: DeliveryStatus[] = ['sent', 'dead', 'cancelled'];

/**
 * Statements per bulk command. FerretDB 1.24 on PostgreSQL holds a pool connection per statement
 * until the command ends: a bulk command longer than its pool (about 50) never ends, and as it
 * holds the write serialiser, every write on the stack stops behind it.
 */
const BULK = 16;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The positions, in an unordered insertMany, of the documents refused as duplicates. */
function duplicateIndexes(err: unknown): number[] {
  if (!(err instanceof mongo.MongoBulkWriteError)) return [0];
  const raw: unknown = err.writeErrors;
  const errors: unknown[] = Array.isArray(raw) ? raw : [raw];
  return errors.flatMap((e) =>
    typeof e === 'object' && e !== null && 'index' in e && typeof e.index === 'number'
      ? [e.index]
      : [],
  );
}

export function deliveryRepository(model: Model<DeliveryDoc>, claims: Model<ClaimDoc>) {
  /** One chunk of a claim (see `claim`): one insert of claim documents, one bulk move. */
  async function claimChunk(
    candidates: readonly DeliveryDoc[],
    now: Date,
    leaseMs: number,
    worker: string,
  ): Promise<DeliveryDoc[]> {
    const lost = new Set<number>();
    try {
      await claims.collection.insertMany(
        candidates.map((c) => ({ _id: `${c._id}:${c.claimSeq}`, worker, at: now })) as never,
        { ordered: false },
      );
    } catch (err) {
      if (!isDuplicateOnly(err)) throw err;
      for (const index of duplicateIndexes(err)) lost.add(index); // another process holds these
    }
    const won = candidates.filter((_, i) => !lost.has(i));
    if (won.length === 0) return [];
    const owner = `${worker}/${randomUUID()}`;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const moved = await model.bulkWrite(
      won.map((c) => ({
        updateOne: {
          // The claim number makes this process the only holder; the status keeps a delivery
          // cancelled or sent meanwhile (by another path) from going out.
          filter: { _id: c._id, claimSeq: c.claimSeq, status: { $in: ['pending', 'sending'] } },
          update: {
            $set: { status: 'sending', claimedBy: owner, leaseUntil },
            $inc: { attempts: 1, claimSeq: 1 },
          },
        },
      })),
      { ordered: false },
    );
    if (moved.matchedCount === won.length) {
      // Every move matched: each delivery is now what was read, moved on as the update says.
      return won.map((c) => ({
        ...c,
        status: 'sending' as const,
        claimedBy: owner,
        leaseUntil,
        attempts: c.attempts + 1,
        claimSeq: c.claimSeq + 1,
      }));
    }
    // Some changed between the read and the claim (cancelled, retried): read back which are ours.
    const docs = await Promise.all(won.map((c) => model.findById(c._id).lean<DeliveryDoc>()));
    return docs.filter(
      (d, i): d is DeliveryDoc =>
        d !== null && d.claimedBy === owner && d.claimSeq === (won[i]?.claimSeq ?? -1) + 1,
    );
  }

  return {
    /** Inserts the plans that are new; a plan already stored (a redelivered event) is skipped by the unique id. */
    async plan(plans: readonly DeliveryPlan[], now: Date): Promise<void> {
      if (plans.length === 0) return;
      const docs = plans.map((p) => ({
        _id: deliveryIdOf(p.key, p.recipient.email, p.content.template),
        key: p.key,
        eventId: p.eventId,
        eventType: p.eventType,
        template: p.content.template,
        recipient: p.recipient.email,
        recipientName: p.recipient.name,
        language: p.language,
        data: p.content.data,
        sessionId: p.sessionId ?? null,
        registrationId: p.registrationId ?? null,
        status: 'pending' as const,
        dueAt: p.dueAt,
        notAfter: p.notAfter ?? null,
        attempts: 0,
        claimSeq: 0,
        attemptLog: [],
        claimedBy: null,
        leaseUntil: null,
        lastError: null,
        smtp: null,
        cancelReason: null,
        sentAt: null,
        createdAt: now,
        updatedAt: now,
      }));
      for (const chunk of chunks(docs, BULK)) {
        try {
          await model.collection.insertMany(chunk as never, { ordered: false });
        } catch (err) {
          if (!isDuplicateOnly(err)) throw err;
        }
      }
    },

    /**
     * Work that is due: pending and due, or claimed by a process whose lease lapsed (it died). A
     * read, as two queries rather than one `$or`: FerretDB pushes a top-level `status` equality
     * down to PostgreSQL (ADR 012) but not an `$or`, which it would answer by scanning every
     * delivery ever sent on each pass.
     */
    async due(now: Date, limit: number): Promise<DeliveryDoc[]> {
      const [pending, lapsed] = await Promise.all([
        model
          .find({ status: 'pending', dueAt: { $lte: now } })
          .sort({ dueAt: 1 })
          .limit(limit)
          // One batch: no cursor left open on the server between round trips.
          .batchSize(limit)
          .lean<DeliveryDoc[]>(),
        model
          .find({ status: 'sending', leaseUntil: { $lt: now } })
          .limit(limit)
          .batchSize(limit)
          .lean<DeliveryDoc[]>(),
      ]);
      return [...lapsed, ...pending].slice(0, limit);
    },

    /**
     * Claims due deliveries. The claim of delivery d at its claim number n is the document
     * `d:n` in `delivery_claims`, inserted under the unique `_id`: of two processes that read the
     * same due delivery, one insert wins and the other gets a duplicate key and leaves it. The
     * winner then moves the delivery on (`sending`, lease, n+1) by its `_id` and claim number
     * (read back only when a move did not match). The claims go in inserts of `BULK` documents
     * and the moves in bulk writes of `BULK` statements: a few round trips through the write
     * serialiser per batch, not two per delivery.
     */
    async claim(
      candidates: readonly DeliveryDoc[],
      now: Date,
      leaseMs: number,
      worker = 'worker',
    ): Promise<DeliveryDoc[]> {
      const out: DeliveryDoc[] = [];
      for (const chunk of chunks(candidates, BULK)) {
        out.push(...(await claimChunk(chunk, now, leaseMs, worker)));
      }
      return out;
    },

    /** Records each claimed delivery's outcome. */
    async complete(results: readonly { doc: DeliveryDoc; outcome: Outcome }[]): Promise<void> {
      for (const chunk of chunks(results, BULK)) {
        await model.bulkWrite(
          chunk.map(({ doc, outcome }) => ({
            updateOne: {
              // By exact `_id` (see claim): the claim number already made this process the only holder.
              filter: { _id: doc._id },
              update: outcomeUpdate(outcome, doc.claimedBy?.split('/')[0] ?? null),
            },
          })),
          { ordered: false },
        );
      }
    },

    async get(id: string): Promise<DeliveryDoc | null> {
      return model.findById(id).lean<DeliveryDoc>();
    },

    async list(filter: DeliveryFilter, page: number, pageSize: number) {
      const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
      const [items, total] = await Promise.all([
        model
          .find(query)
          .sort({ createdAt: -1, _id: 1 })
          .skip((page - 1) * pageSize)
          .limit(pageSize)
          .lean<DeliveryDoc[]>(),
        model.countDocuments(query),
      ]);
      return { items, total, page, pageSize };
    },

    /** Puts a dead or cancelled delivery back in the queue, due now, with a fresh attempt count. */
    async retry(id: string, now: Date): Promise<DeliveryDoc | null> {
      return model
        .findOneAndUpdate(
          { _id: id, status: { $in: ['dead', 'cancelled'] } },
          {
            $set: {
              status: 'pending',
              dueAt: now,
              attempts: 0,
              claimedBy: null,
              leaseUntil: null,
              cancelReason: null,
            },
          },
          { returnDocument: 'after' },
        )
        .lean<DeliveryDoc>();
    },

    /** Moves the pending reminders of a session to its new time, with its new details. */
    async moveReminders(
      sessionId: string,
      fields: { dueAt: Date; notAfter: Date; session: unknown },
    ) {
      await model.updateMany(
        { sessionId, template: 'reminder', status: 'pending' },
        {
          $set: { dueAt: fields.dueAt, notAfter: fields.notAfter, 'data.session': fields.session },
        },
      );
    },

    /** Cancels what has not gone yet: a session's or a registration's pending emails of some templates. */
    async cancelPending(
      where: { sessionId: string } | { registrationId: string },
      templates: TemplateName[],
      reason: string,
    ): Promise<void> {
      await model.updateMany(
        { ...where, template: { $in: templates }, status: 'pending' },
        { $set: { status: 'cancelled', cancelReason: reason } },
      );
    },

    /**
     * Finished deliveries (sent, dead, cancelled) last changed before `before`, oldest causes
     * first: what retention may delete. A read.
     */
    async finishedBefore(
      before: Date,
      limit: number,
    ): Promise<Pick<DeliveryDoc, '_id' | 'claimSeq'>[]> {
      return model
        .find({ status: { $in: FINISHED }, updatedAt: { $lt: before } }, { _id: 1, claimSeq: 1 })
        .limit(limit)
        .batchSize(limit)
        .lean<Pick<DeliveryDoc, '_id' | 'claimSeq'>[]>();
    },

    /**
     * Deletes these deliveries if they are still finished (one put back by a retry meanwhile
     * stays), and their claims `<_id>:0…<claimSeq-1>`. Every statement is by exact `_id`, in
     * bulk commands of at most 200 statements (a huge bulk write holds the write serialiser).
     */
    async deleteFinished(docs: readonly Pick<DeliveryDoc, '_id' | 'claimSeq'>[]): Promise<number> {
      let deleted = 0;
      for (const chunk of chunks(docs, BULK)) {
        const result = await model.bulkWrite(
          chunk.map((d) => ({
            deleteOne: { filter: { _id: d._id, status: { $in: FINISHED } } },
          })),
          { ordered: false },
        );
        deleted += result.deletedCount;
      }
      const claimIds = docs.flatMap((d) =>
        Array.from({ length: d.claimSeq }, (_, n) => `${d._id}:${n}`),
      );
      for (const chunk of chunks(claimIds, BULK)) {
        await claims.bulkWrite(
          chunk.map((id) => ({ deleteOne: { filter: { _id: id } } })),
          { ordered: false },
        );
      }
      return deleted;
    },

    /** Cancels what has not gone yet of one cause (a retracted bulletin version). */
    async cancelKey(key: string, reason: string): Promise<void> {
      await model.updateMany(
        { key, status: 'pending' },
        { $set: { status: 'cancelled', cancelReason: reason } },
      );
    },
  };
}

export type DeliveryRepository = ReturnType<typeof deliveryRepository>;

function attempt(outcome: Exclude<Outcome, { status: 'cancelled' }>): AttemptRecord {
  return {
    at: outcome.at,
    outcome: outcome.status,
    code: outcome.status === 'sent' ? null : outcome.code,
    response: outcome.response,
    ...(outcome.status === 'retry' ? { retryAt: outcome.dueAt } : {}),
  };
}

function outcomeUpdate(outcome: Outcome, worker: string | null): mongo.UpdateFilter<DeliveryDoc> {
  const released = { claimedBy: null, leaseUntil: null };
  switch (outcome.status) {
    case 'sent':
      return {
        $set: {
          ...released,
          status: 'sent',
          sentAt: outcome.at,
          sentBy: worker,
          smtp: { messageId: outcome.messageId, response: outcome.response },
        },
        $push: { attemptLog: attempt(outcome) },
      };
    case 'retry':
      return {
        $set: {
          ...released,
          status: 'pending',
          dueAt: outcome.dueAt,
          lastError: { code: outcome.code, response: outcome.response, at: outcome.at },
        },
        $push: { attemptLog: attempt(outcome) },
      };
    case 'dead':
      return {
        $set: {
          ...released,
          status: 'dead',
          lastError: { code: outcome.code, response: outcome.response, at: outcome.at },
        },
        $push: { attemptLog: attempt(outcome) },
      };
    case 'cancelled':
      return { $set: { ...released, status: 'cancelled', cancelReason: outcome.reason } };
  }
}
