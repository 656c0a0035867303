// A unique violation is recognised on every write path and every backend, and answers 409 DUPLICATE, never 500 (issue 10, defect 2).
import { testEnv } from '@lianxin/testing';
import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../http/create-app.ts';
import { ErrorBody } from '@lianxin/contracts';
import { connectDb, isDuplicateKeyError } from './index.ts';

interface Account {
  _id: string;
  code: string;
  name: string;
}

const env = testEnv(import.meta.url);
let db: Connection;
let Accounts: mongoose.Model<Account>;
let app: App;

/** Every write path that can hit the unique index on `code`; each one repeats code `A`. */
const WRITES: Record<string, () => Promise<unknown>> = {
  'insertOne (Model.create)': () => Accounts.create({ _id: 'c', code: 'A', name: 'c' }),
  'document save': () => new Accounts({ _id: 'c', code: 'A', name: 'c' }).save(),
  insertMany: () => Accounts.insertMany([{ _id: 'c', code: 'A', name: 'c' }]),
  'insertMany, unordered': () =>
    Accounts.insertMany(
      [
        { _id: 'c', code: 'C', name: 'c' },
        { _id: 'd', code: 'A', name: 'd' },
      ],
      { ordered: false },
    ),
  updateOne: () => Accounts.updateOne({ _id: 'b' }, { $set: { code: 'A' } }),
  updateMany: () => Accounts.updateMany({ _id: 'b' }, { $set: { code: 'A' } }),
  replaceOne: () => Accounts.replaceOne({ _id: 'b' }, { code: 'A', name: 'b' }),
  'upsert that inserts': () =>
    Accounts.updateOne({ _id: 'c' }, { $set: { code: 'A', name: 'c' } }, { upsert: true }),
  'findOneAndUpdate (findAndModify)': () =>
    Accounts.findOneAndUpdate({ _id: 'b' }, { $set: { code: 'A' } }, { returnDocument: 'after' }),
  'findOneAndUpdate with upsert': () =>
    Accounts.findOneAndUpdate(
      { _id: 'c' },
      { $set: { code: 'A', name: 'c' } },
      { upsert: true, returnDocument: 'after' },
    ),
  'bulkWrite insertOne': () =>
    Accounts.bulkWrite([{ insertOne: { document: { _id: 'c', code: 'A', name: 'c' } } }]),
  'bulkWrite updateOne': () =>
    Accounts.bulkWrite([{ updateOne: { filter: { _id: 'b' }, update: { $set: { code: 'A' } } } }]),
};

async function failure(write: () => Promise<unknown>): Promise<unknown> {
  return write().then(
    () => new Error('the write succeeded'),
    (err: unknown) => err,
  );
}

beforeAll(async () => {
  db = await connectDb({ url: env.dbUrl });
  Accounts = db.model<Account>(
    'Account',
    new Schema<Account>({
      _id: { type: String, required: true },
      // serves: one account per code
      code: { type: String, required: true, unique: true },
      name: { type: String, required: true },
    }),
  );
  await Accounts.init();
  app = await createApp();
  app.post<{ Params: { path: string } }>('/writes/:path', async (request) => {
    const write = WRITES[decodeURIComponent(request.params.path)];
    if (!write) throw new Error('no such write');
    await write();
    return { written: true };
  });
});

beforeEach(async () => {
  await Accounts.deleteMany({});
  await Accounts.create([
    { _id: 'a', code: 'A', name: 'a' },
    { _id: 'b', code: 'B', name: 'b' },
  ]);
});

afterAll(async () => {
  await app.close();
  await db.dropDatabase();
  await db.close();
});

describe('duplicate keys', () => {
  for (const [path, write] of Object.entries(WRITES)) {
    it(`when ${path} repeats a unique value, then it is a duplicate-key error and nothing changes`, async () => {
      const err = await failure(write);
      expect(isDuplicateKeyError(err), String(err)).toBe(true);
      expect(await Accounts.countDocuments({ code: 'A' })).toBe(1);
      expect((await Accounts.findById('b').lean())?.code).toBe('B');
    });

    it(`when ${path} repeats a unique value inside a request, then 409 DUPLICATE, without the value`, async () => {
      const res = await app.inject({
        method: 'POST',
        url: `/writes/${encodeURIComponent(path)}`,
      });
      expect(res.statusCode).toBe(409);
      const body = ErrorBody.parse(res.json());
      expect(body.error.code).toBe('DUPLICATE');
      expect(JSON.stringify(body)).not.toMatch(/"A"|\bA\b/);
    });
  }

  it('when a write fails for another reason, then it is not taken for a duplicate', async () => {
    const badOperator = await failure(() =>
      db
        .collection<{ _id: string }>(Accounts.collection.collectionName)
        .updateOne({ _id: 'b' }, { $frobnicate: { code: 'A' } }),
    );
    expect(badOperator).toBeInstanceOf(mongoose.mongo.MongoServerError);
    expect(isDuplicateKeyError(badOperator)).toBe(false);
    expect(isDuplicateKeyError(new Error('UNIQUE constraint failed: not from the database'))).toBe(
      false,
    );
    expect(isDuplicateKeyError(undefined)).toBe(false);
  });
});
