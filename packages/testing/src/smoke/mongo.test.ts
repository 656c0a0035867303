// Smoke test: a mongoose round trip, and a unique-index violation surfacing as a duplicate-key error.
import mongoose, { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../test-env.ts';

const env = testEnv(import.meta.url);
const conn = mongoose.createConnection(env.dbUrl, {
  autoIndex: true,
  serverSelectionTimeoutMS: 10_000,
});

interface Bank {
  code: string;
  name: string;
  branches: number;
}
const BankModel = conn.model<Bank>(
  'SmokeBank',
  new Schema<Bank>({
    // serves: lookup by code, and one bank per code
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    branches: { type: Number, required: true },
  }),
);

beforeAll(async () => {
  await conn.asPromise();
  await BankModel.init(); // builds the unique index before the test relies on it
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('mongo smoke', () => {
  it('when a document is written, then it reads back the same and a conditional update applies once', async () => {
    await BankModel.create({ code: 'ICBC-XH', name: '中国工商银行香河支行', branches: 3 });
    const found = await BankModel.findOne({ code: 'ICBC-XH' }).lean();
    expect(found).toMatchObject({ code: 'ICBC-XH', name: '中国工商银行香河支行', branches: 3 });

    const first = await BankModel.updateOne(
      { code: 'ICBC-XH', branches: 3 },
      { $inc: { branches: 1 } },
    );
    const second = await BankModel.updateOne(
      { code: 'ICBC-XH', branches: 3 },
      { $inc: { branches: 1 } },
    );
    expect([first.modifiedCount, second.modifiedCount]).toEqual([1, 0]);
  });

  it('when a second document repeats a unique key, then the server answers with a duplicate-key error (11000)', async () => {
    await BankModel.create({ code: 'ABC-XH', name: '中国农业银行香河支行', branches: 2 });
    const err: unknown = await BankModel.create({ code: 'ABC-XH', name: '重复', branches: 1 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(mongoose.mongo.MongoServerError);
    expect((err as InstanceType<typeof mongoose.mongo.MongoServerError>).code).toBe(11000);
    expect(await BankModel.countDocuments({ code: 'ABC-XH' })).toBe(1);
  });

  // MongoDB applies each single-document write atomically and our invariants rely on it.
  // FerretDB 1.24 alone does not (query, then write: FerretDB issue 3040); the local stack
  // serialises writes in front of it (ADR 002). These races prove the database we run on.
  it('when 300 conditional increments race for 100 places, then exactly 100 apply and none is lost', async () => {
    await BankModel.create({ code: 'RACE-INC', name: 'race', branches: 0 });
    const results = await Promise.all(
      Array.from({ length: 300 }, () =>
        BankModel.updateOne(
          { code: 'RACE-INC', branches: { $lt: 100 } },
          { $inc: { branches: 1 } },
        ),
      ),
    );
    expect(results.reduce((n, r) => n + r.modifiedCount, 0)).toBe(100);
    expect((await BankModel.findOne({ code: 'RACE-INC' }).lean())?.branches).toBe(100);
  });

  it('when 50 callers claim the same free document at once, 20 times over, then each time exactly one wins', async () => {
    await BankModel.create({ code: 'RACE-CLAIM', name: 'free', branches: 0 });
    for (let round = 0; round < 20; round += 1) {
      await BankModel.updateOne({ code: 'RACE-CLAIM' }, { $set: { name: 'free' } });
      const claims = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          BankModel.findOneAndUpdate(
            { code: 'RACE-CLAIM', name: 'free' },
            { $set: { name: `owner-${i}` } },
            { returnDocument: 'after' },
          ).lean(),
        ),
      );
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
    }
  });
});
