// Declared indexes serve their queries: a find, an update and a count by an indexed field cost the same at 20,000 documents as at 100 (ADR 012).
import mongoose, { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, type DatabaseKind } from '../database-kind.ts';
import { testEnv } from '../test-env.ts';

const env = testEnv(import.meta.url);
const conn = mongoose.createConnection(env.dbUrl, {
  autoIndex: true,
  serverSelectionTimeoutMS: 10_000,
});

interface Item {
  _id: string;
  code: string;
  status: string;
  n: number;
}
const schema = new Schema<Item>({
  _id: { type: String, required: true },
  // serves: lookups, updates and counts by code
  code: { type: String, required: true, index: true },
  status: { type: String, required: true },
  n: { type: Number, required: true },
});
const Small = conn.model<Item>('IndexSmall', schema, 'items_small');
const Big = conn.model<Item>('IndexBig', schema, 'items_big');
const SIZES = { small: 100, big: 20_000 } as const;
const ROUNDS = 60;

let kind: DatabaseKind;

async function fill(model: typeof Small, size: number): Promise<void> {
  for (let from = 0; from < size; from += 1_000) {
    const docs = Array.from({ length: Math.min(1_000, size - from) }, (_, i) => ({
      _id: `id-${from + i}`,
      code: `code-${from + i}`,
      status: (from + i) % 2 === 0 ? 'open' : 'closed',
      n: 0,
    }));
    await model.insertMany(docs, { lean: true });
  }
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Median latency of `op` on each collection, the two measured alternately so that a busy
 * machine slows both alike; `key(i, size)` spreads the keys over each collection.
 */
async function medians(
  op: (model: typeof Small, i: number, size: number) => Promise<unknown>,
  rounds = ROUNDS,
): Promise<{ small: number; big: number; ratio: number }> {
  const times = { small: [] as number[], big: [] as number[] };
  for (let i = 0; i < rounds + 5; i += 1) {
    for (const [name, model] of [
      ['small', Small],
      ['big', Big],
    ] as const) {
      const t0 = performance.now();
      await op(model, i, SIZES[name]);
      if (i >= 5) times[name].push(performance.now() - t0); // the first rounds warm up
    }
  }
  const small = median(times.small);
  const big = median(times.big);
  return { small, big, ratio: big / small };
}

const pick = (i: number, size: number): string => `code-${(i * 7_919) % size}`;
const pickId = (i: number, size: number): string => `id-${(i * 7_919) % size}`;

function planOf(explained: mongoose.mongo.Document): string {
  return JSON.stringify(explained.queryPlanner ?? explained);
}

beforeAll(async () => {
  await conn.asPromise();
  const db = conn.db;
  if (!db) throw new Error('no database');
  kind = await databaseKind(db);
  await Promise.all([Small.init(), Big.init()]);
  await fill(Small, SIZES.small);
  await fill(Big, SIZES.big);
}, 300_000);

afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('index-served queries', () => {
  it('when a collection grows from 100 to 20,000 documents, then a find, an update and a count by an indexed field stay within 2× (SQLite: they grow, as ADR 012 says)', async () => {
    if (kind === 'ferretdb-sqlite') {
      // FerretDB's SQLite backend serves no index (ADR 012): if this starts to hold, update the ADR.
      const find = await medians((m, i, size) => m.findOne({ code: pick(i, size) }).lean(), 10);
      const byId = await medians((m, i, size) => m.findById(pickId(i, size)).lean(), 10);
      expect(find.ratio, JSON.stringify({ find, byId })).toBeGreaterThan(2);
      expect(byId.ratio, JSON.stringify({ find, byId })).toBeGreaterThan(2);
      return;
    }
    const find = await medians((m, i, size) => m.findOne({ code: pick(i, size) }).lean());
    const update = await medians((m, i, size) =>
      m.updateOne({ code: pick(i, size) }, { $inc: { n: 1 } }),
    );
    const count = await medians((m, i, size) => m.countDocuments({ code: pick(i, size) }));
    const figures = JSON.stringify({ kind, find, update, count });
    expect(find.ratio, figures).toBeLessThan(2);
    expect(update.ratio, figures).toBeLessThan(2);
    expect(count.ratio, figures).toBeLessThan(2);
    expect(await Big.countDocuments({ code: pick(3, SIZES.big), n: { $gt: 0 } })).toBe(1);
  });

  it('when a query filters by an indexed field, then the database plans it on that index (SQLite: a scan, as ADR 012 says)', async () => {
    const db = conn.db;
    if (!db) throw new Error('no database');
    const explain = (filter: Record<string, unknown>): Promise<mongoose.mongo.Document> =>
      db.command({ explain: { find: Big.collection.collectionName, filter } });
    const explainedById = await explain({ _id: 'id-42' });
    const explainedByCode = await explain({ code: 'code-42' });
    const byCode = planOf(explainedByCode);
    const byStatusAndCode = planOf(await explain({ status: 'open', code: 'code-42' }));
    const byId = planOf(explainedById);
    switch (kind) {
      case 'ferretdb-postgresql':
        for (const plan of [byCode, byStatusAndCode, byId]) {
          expect(plan).toMatch(/"Node Type":"Bitmap Index Scan"/);
          expect(plan).toMatch(/"Index Name":"items_big_[0-9a-f]{8}_[0-9a-f]{8}_lxgin"/);
          expect(plan).not.toMatch(/"Node Type":"Seq Scan"/);
        }
        break;
      case 'mongodb':
        for (const plan of [byCode, byStatusAndCode, byId]) {
          expect(plan).toMatch(/IXSCAN|IDHACK|EXPRESS_IXSCAN|EXPRESS_CLUSTERED_IXSCAN/);
        }
        break;
      case 'ferretdb-sqlite':
        // only an exact { _id } reaches SQL, and even that is a scan: FerretDB's `_id` index is on
        // `_ferretdb_sjson->"_id"`, its filter on `_ferretdb_sjson->'$._id'`
        expect(explainedById.filterPushdown).toBe(true);
        expect(explainedByCode.filterPushdown).toBe(false);
        expect(byId).toMatch(/detail=SCAN /);
        expect(byCode).toMatch(/detail=SCAN /);
        break;
    }
  });
});
