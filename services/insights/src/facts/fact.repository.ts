// The fact store: apply-if-newer snapshots and write-once facts by `_id`, and whole-collection reads for the views.
import { isDuplicateKey } from '@lianxin/platform/db';
import type { mongo } from 'mongoose';
import { FACT_COLLECTIONS, type FactKind as Kind, type FactModels } from './fact.model.ts';
import type { Facts } from './fact.ts';

type Doc = { _id: string; sequence: number } & Record<string, unknown>;

export class FactRepository {
  constructor(private readonly models: FactModels) {}

  private coll(kind: Kind): mongo.Collection<Doc> {
    return this.models[kind].db.collection<Doc>(FACT_COLLECTIONS[kind]);
  }

  private read<T extends Facts[keyof Facts][number]>(kind: Kind): Promise<T[]> {
    const coll = this.models[kind].db.collection<T>(FACT_COLLECTIONS[kind]);
    return coll.find({}, { sort: { _id: 1 } }).toArray() as Promise<T[]>;
  }

  /**
   * Sets the aggregate's snapshot if `sequence` is newer than the one held: one conditional
   * update, or an insert guarded by the unique `_id`. Returns whether it applied.
   */
  async applySnapshot(
    kind: Kind,
    id: string,
    sequence: number,
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    const coll = this.coll(kind);
    const newer = async (): Promise<boolean> =>
      (
        await coll.updateOne(
          { _id: id, sequence: { $lt: sequence } },
          { $set: { ...fields, sequence } },
        )
      ).matchedCount === 1;
    if (await newer()) return true;
    try {
      await coll.insertOne({ ...fields, _id: id, sequence });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Another event of the aggregate created it meanwhile (an older one, from another
      // partition or a redelivery): ours still applies if it is newer than what is held.
      return newer();
    }
  }

  /**
   * Records a fact that happens once and never changes (a check-in, a feedback, when an opinion
   * was raised): setting it again sets the same values, so any order and any repeat agree. A
   * fact that arrives before its aggregate's snapshot creates the document at sequence 0.
   */
  async recordOnce(kind: Kind, id: string, fields: Record<string, unknown>): Promise<void> {
    await this.coll(kind).updateOne(
      { _id: id },
      { $set: fields, $setOnInsert: { sequence: 0 } },
      { upsert: true },
    );
  }

  async all(): Promise<Facts> {
    const [banks, sessions, registrations, opinions, bulletins] = await Promise.all([
      this.read<Facts['banks'][number]>('banks'),
      this.read<Facts['sessions'][number]>('sessions'),
      this.read<Facts['registrations'][number]>('registrations'),
      this.read<Facts['opinions'][number]>('opinions'),
      this.read<Facts['bulletins'][number]>('bulletins'),
    ]);
    return { banks, sessions, registrations, opinions, bulletins };
  }

  /** Drops every fact collection (rebuild). */
  async dropAll(): Promise<void> {
    for (const kind of Object.keys(FACT_COLLECTIONS) as Kind[]) {
      await this.coll(kind).deleteMany({});
    }
  }
}
