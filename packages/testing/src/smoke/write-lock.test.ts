// The local database's write serialiser locks per database: races within one stay exact, and another database's writes do not queue behind them.
import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../test-env.ts';

const env = testEnv(import.meta.url);
const urlOf = (suffix: string): string => {
  const url = new URL(env.dbUrl);
  url.pathname = `/${env.dbName}_${suffix}`;
  return url.toString();
};

interface Counter {
  key: string;
  n: number;
}
const counterSchema = new Schema<Counter>({
  // serves: the counter by key, one per key
  key: { type: String, required: true, unique: true },
  n: { type: Number, required: true },
});

const conns: Connection[] = [];
const open = async (suffix: string) => {
  const conn = mongoose.createConnection(urlOf(suffix), { serverSelectionTimeoutMS: 10_000 });
  conns.push(conn);
  await conn.asPromise();
  const model = conn.model<Counter>('Counter', counterSchema);
  await model.init();
  return model;
};

let a: Awaited<ReturnType<typeof open>>;
let b: Awaited<ReturnType<typeof open>>;
beforeAll(async () => {
  [a, b] = await Promise.all([open('a'), open('b')]);
});
afterAll(async () => {
  for (const conn of conns) {
    await conn.dropDatabase();
    await conn.close();
  }
});

describe('write serialiser, per database', () => {
  it('when 300 conditional increments race for 100 places in each of two databases at once, then exactly 100 apply in each', async () => {
    await Promise.all([a.create({ key: 'race', n: 0 }), b.create({ key: 'race', n: 0 })]);
    const race = (model: typeof a) =>
      Array.from({ length: 300 }, () =>
        model.updateOne({ key: 'race', n: { $lt: 100 } }, { $inc: { n: 1 } }),
      );
    const [inA, inB] = await Promise.all([Promise.all(race(a)), Promise.all(race(b))]);
    expect(inA.reduce((n, r) => n + r.modifiedCount, 0)).toBe(100);
    expect(inB.reduce((n, r) => n + r.modifiedCount, 0)).toBe(100);
    expect((await a.findOne({ key: 'race' }).lean())?.n).toBe(100);
    expect((await b.findOne({ key: 'race' }).lean())?.n).toBe(100);
  });

  it('when one database runs a long write, then a count in it and a write to another database finish before it', async () => {
    // A multi-document update over 3,000 documents: FerretDB writes them one by one (seconds).
    await a.insertMany(Array.from({ length: 3000 }, (_, i) => ({ key: `bulk-${i}`, n: 0 })));
    const finished: string[] = [];
    const long = a.updateMany({ key: { $regex: '^bulk-' } }, { $inc: { n: 1 } }).then((r) => {
      finished.push('long');
      return r;
    });
    // Wait until the long write is under way: FerretDB applies it document by document, and its
    // progress is visible to reads. countDocuments is an aggregate: it takes no lock either.
    await expect
      .poll(() => a.countDocuments({ key: { $regex: '^bulk-' }, n: 1 }), { interval: 10 })
      .toBeGreaterThan(0);
    await b.create({ key: 'short', n: 1 });
    finished.push('short');
    expect((await long).modifiedCount).toBe(3000);
    expect(finished).toEqual(['short', 'long']);
  });
});
