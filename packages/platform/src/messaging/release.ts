// Removes what a relay published from an aggregate's outbox, and frees the aggregate's lease.
import type { mongo } from 'mongoose';
import type { Logger } from 'pino';
import type { OutboxFields } from './outbox.ts';

export type AggregateId = string | mongo.ObjectId;
export type OutboxDoc = OutboxFields & { _id: AggregateId } & Record<string, unknown>;
export type Coll = mongo.Collection<{ _id: AggregateId }>;

/** The documents are written by `withEvents`/`initialOutbox` only, so their shape is known. */
export const asOutboxDoc = (doc: { _id: AggregateId }): OutboxDoc => doc as OutboxDoc;

export interface Release {
  coll: Coll;
  id: AggregateId;
  /** The relay holding the aggregate's lease. */
  owner: string;
  /** The document as claimed: its outbox is what was published. */
  seen: OutboxDoc;
  sent: Set<string>;
  log: Logger;
}

function lostLease(r: Release): void {
  r.log.warn(
    { aggregate: r.id },
    'outbox relay: lease lost before release; events will be re-sent',
  );
}

/**
 * Removes the published events; the rest (appended since the claim) stay for the next pass.
 * By value first: `$pullAll` of exactly the events it read, which writers never touch (they
 * only append), so writes streaming into the aggregate cannot make the release retry. The
 * result is checked; should an event not have matched (a value read back in another BSON
 * type), the version-conditioned rewrite does it instead. `outboxPending` is cleared only if
 * nothing was appended meanwhile (the count is back at 0).
 */
export async function releaseOutbox(r: Release): Promise<void> {
  const { coll, id, owner, seen, sent } = r;
  const after = await coll.findOneAndUpdate(
    { _id: id, outboxLeaseOwner: owner },
    { $pullAll: { outbox: seen.outbox }, $inc: { outboxCount: -seen.outbox.length } },
    { returnDocument: 'after' },
  );
  if (!after) {
    lostLease(r);
    return;
  }
  const doc = asOutboxDoc(after);
  if (doc.outbox.some((e) => sent.has(e.id))) {
    await releaseByVersion({ ...r, seen: doc });
    return;
  }
  const free = { outboxLeaseOwner: null, outboxLeaseUntil: null };
  const drained = await coll.updateOne(
    { _id: id, outboxLeaseOwner: owner, outboxCount: 0 },
    { $set: { ...free, outboxPending: false } },
  );
  if (drained.matchedCount === 0) {
    await coll.updateOne({ _id: id, outboxLeaseOwner: owner }, { $set: free });
  }
}

/** The release by rewriting the outbox, conditioned on the version seen (re-read on a change). */
async function releaseByVersion(r: Release): Promise<void> {
  const { coll, id, owner, sent } = r;
  let current: Pick<OutboxDoc, 'version' | 'outbox' | 'outboxLeaseOwner'> | null = r.seen;
  for (let attempt = 0; current && attempt < 20; attempt += 1) {
    if (current.outboxLeaseOwner !== owner) {
      lostLease(r);
      return;
    }
    const remaining = current.outbox.filter((e) => !sent.has(e.id));
    const res = await coll.updateOne(
      { _id: id, version: current.version, outboxLeaseOwner: owner },
      {
        $set: {
          outbox: remaining,
          outboxCount: remaining.length,
          outboxPending: remaining.length > 0,
          outboxLeaseOwner: null,
          outboxLeaseUntil: null,
        },
      },
    );
    if (res.matchedCount === 1) return;
    const fresh = await coll.findOne(
      { _id: id },
      { projection: { version: 1, outbox: 1, outboxLeaseOwner: 1 } },
    );
    current = fresh ? asOutboxDoc(fresh) : null;
  }
  throw new Error(`outbox relay: could not release aggregate ${String(id)} (concurrent writes)`);
}
