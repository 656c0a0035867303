// Which database the tests talk to: MongoDB, or FerretDB on PostgreSQL or on SQLite — for tests whose expectations differ by backend.
import type { mongo } from 'mongoose';

export type DatabaseKind = 'mongodb' | 'ferretdb-postgresql' | 'ferretdb-sqlite';

let known: Promise<DatabaseKind> | undefined;

async function detect(db: mongo.Db): Promise<DatabaseKind> {
  const info = await db.command({ buildInfo: 1 });
  if (!('ferretdbVersion' in info)) return 'mongodb';
  // FerretDB's explain returns its backend's own plan: PostgreSQL's EXPLAIN (JSON, an object)
  // or SQLite's EXPLAIN QUERY PLAN (an array of lines).
  const probe = db.collection<{ _id: string }>('lx_kind_probe');
  await probe.updateOne({ _id: 'probe' }, { $set: { _id: 'probe' } }, { upsert: true });
  const explained = await db.command({ explain: { find: probe.collectionName, filter: {} } });
  await probe.drop().catch(() => undefined);
  const planner: unknown = explained.queryPlanner;
  const plan =
    typeof planner === 'object' && planner !== null && 'Plan' in planner ? planner.Plan : undefined;
  return Array.isArray(plan) ? 'ferretdb-sqlite' : 'ferretdb-postgresql';
}

/** The kind of database behind `db` (asked once per test process). */
export function databaseKind(db: mongo.Db): Promise<DatabaseKind> {
  known ??= detect(db);
  return known;
}
