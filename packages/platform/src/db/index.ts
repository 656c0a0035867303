// The mongoose connection of a service: pool and timeouts from config, indexes built in dev and test, a clean close.
import mongoose, { type Connection } from 'mongoose';

export interface DbOptions {
  url: string;
  /** Overrides the database named in the URL. */
  dbName?: string;
  poolSize?: number;
  timeoutMs?: number;
  /**
   * Build declared indexes at start. On in development and tests; in production
   * indexes are built by a deliberate step, not by whichever pod starts first.
   */
  autoIndex?: boolean;
}

export async function connectDb(opts: DbOptions): Promise<Connection> {
  const timeout = opts.timeoutMs ?? 10_000;
  const conn = mongoose.createConnection(opts.url, {
    ...(opts.dbName === undefined ? {} : { dbName: opts.dbName }),
    maxPoolSize: opts.poolSize ?? 20,
    serverSelectionTimeoutMS: timeout,
    connectTimeoutMS: timeout,
    socketTimeoutMS: timeout * 3,
    autoIndex: opts.autoIndex ?? true,
    autoCreate: true,
  });
  await conn.asPromise();
  return conn;
}

/** For /readyz: resolves when the database answers a ping. */
export async function pingDb(conn: Connection): Promise<void> {
  const db = conn.db;
  if (!db) throw new Error('database connection is not open');
  await db.admin().command({ ping: 1 });
}

/** True for a unique-index violation (E11000), from MongoDB and FerretDB alike. */
export function isDuplicateKey(err: unknown): boolean {
  return err instanceof mongoose.mongo.MongoServerError && err.code === 11000;
}

export async function closeDb(conn: Connection): Promise<void> {
  await conn.close();
}
