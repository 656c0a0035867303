// A named lease across replicas: one document per job, claimed, renewed and released by conditional updates.
//
// The lease documents live in their own small collection (`job_leases`, one per job name), so the
// claim's `$or` filter — which FerretDB 1.24 on SQLite evaluates in Go, not in SQL — scans a handful
// of documents, never an aggregate collection. Renew and release filter by `{ _id, owner }` on the
// same tiny collection. The claim is atomic on MongoDB by itself and on FerretDB thanks to the
// serialising proxy in front of it (ADR 002).
import type { Connection, mongo } from 'mongoose';

export interface LeaseDoc {
  _id: string;
  /** Who holds it now; null when free. */
  owner: string | null;
  /** When the holder's claim lapses unless renewed (the holder's clock). */
  until: Date;
  /** The last pass, for operators: who ran it, when it started and finished. */
  lastOwner: string | null;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
}

export const LEASE_COLLECTION = 'job_leases';

export class JobLease {
  private readonly coll: mongo.Collection<LeaseDoc>;
  private ensured = false;

  constructor(
    connection: Connection,
    readonly name: string,
    readonly owner: string,
    private readonly leaseMs: number,
    private readonly now: () => Date = () => new Date(),
    collection = LEASE_COLLECTION,
  ) {
    this.coll = connection.collection<LeaseDoc>(collection);
  }

  /** Takes the lease if it is free, expired or already ours; true if we hold it now. */
  async claim(): Promise<boolean> {
    await this.ensure();
    const now = this.now();
    const res = await this.coll.updateOne(
      { _id: this.name, $or: [{ owner: null }, { until: { $lt: now } }, { owner: this.owner }] },
      {
        $set: {
          owner: this.owner,
          until: new Date(now.getTime() + this.leaseMs),
          lastOwner: this.owner,
          lastStartedAt: now,
        },
      },
    );
    return res.matchedCount === 1;
  }

  /** Extends our claim; false if it is no longer ours (it expired and another replica took it). */
  async renew(): Promise<boolean> {
    const res = await this.coll.updateOne(
      { _id: this.name, owner: this.owner },
      { $set: { until: new Date(this.now().getTime() + this.leaseMs) } },
    );
    return res.matchedCount === 1;
  }

  /** Gives the lease back (only if still ours), recording when the pass finished. */
  async release(): Promise<void> {
    await this.coll.updateOne(
      { _id: this.name, owner: this.owner },
      { $set: { owner: null, until: new Date(0), lastFinishedAt: this.now() } },
    );
  }

  async read(): Promise<LeaseDoc | null> {
    return this.coll.findOne({ _id: this.name });
  }

  /** The document exists before the first claim: an upsert on the exact `_id` (cheap, never a duplicate). */
  private async ensure(): Promise<void> {
    if (this.ensured) return;
    try {
      await this.upsert();
    } catch (error) {
      // Two replicas creating it at once on MongoDB: one upsert loses with a duplicate key.
      if ((await this.read()) === null) throw error;
    }
    this.ensured = true;
  }

  private async upsert(): Promise<void> {
    await this.coll.updateOne(
      { _id: this.name },
      {
        $setOnInsert: {
          owner: null,
          until: new Date(0),
          lastOwner: null,
          lastStartedAt: null,
          lastFinishedAt: null,
        },
      },
      { upsert: true },
    );
  }
}
