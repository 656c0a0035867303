// Read models kept from other services' events: an event is applied only if it is newer than what the model holds.
import type { Connection, mongo } from 'mongoose';
import { isDuplicateKey } from '../db/index.ts';

export type ProjectionDoc = { _id: string; sequence: number } & Record<string, unknown>;

/**
 * Sets `fields` on the read model of `subject` if `sequence` is newer than the one it holds
 * (a redelivered or replayed older event changes nothing). Returns whether it applied.
 * One conditional update, or an insert guarded by the unique `_id`: no read-then-write.
 */
export async function applyIfNewer(
  connection: Connection,
  collection: string,
  subject: string,
  sequence: number,
  fields: Record<string, unknown>,
  /** Counters to add when it applies (e.g. totals kept by the read model). */
  inc: Record<string, number> = {},
): Promise<boolean> {
  const db = connection.db;
  if (!db) throw new Error('projection: database connection is not open');
  const coll: mongo.Collection<ProjectionDoc> = db.collection<ProjectionDoc>(collection);
  const update: mongo.UpdateFilter<ProjectionDoc> = { $set: { ...fields, sequence } };
  if (Object.keys(inc).length > 0) update.$inc = inc as mongo.UpdateFilter<ProjectionDoc>['$inc'];
  const res = await coll.updateOne({ _id: subject, sequence: { $lt: sequence } }, update);
  if (res.matchedCount === 1) return true;
  try {
    const doc: ProjectionDoc = { ...inc, ...fields, _id: subject, sequence };
    await coll.insertOne(doc);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false; // it exists with this sequence or a newer one
    throw err;
  }
}
