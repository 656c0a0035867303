// The mongoose connection of a service: pool and timeouts from config, indexes built in dev and test, a clean close.
import mongoose, { Types, type Connection } from 'mongoose';

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

// MongoDB's duplicate-key codes (11000; 11001 and 12582 from older servers and mongos).
const DUPLICATE_CODES = new Set([11000, 11001, 12582]);
// FerretDB 1.24 answers a unique violation on insert with 11000, but on update, findAndModify and
// an update inside a bulk write with code 1 (InternalError) carrying the backend's own text:
// SQLite "UNIQUE constraint failed: …", PostgreSQL "duplicate key value violates unique
// constraint … (SQLSTATE 23505)".
const BACKEND_DUPLICATE =
  /UNIQUE constraint failed|duplicate key value violates unique constraint|SQLSTATE 23505/;

interface CodedError {
  code?: unknown;
  errmsg?: unknown;
  message?: unknown;
}

function isDuplicate(e: CodedError): boolean {
  if (typeof e.code === 'number' && DUPLICATE_CODES.has(e.code)) return true;
  const text = [e.errmsg, e.message].filter((t) => typeof t === 'string').join(' ');
  return (e.code === 1 || e.code === undefined) && BACKEND_DUPLICATE.test(text);
}

/**
 * True for a unique-index violation from any write path — insert, update, findAndModify, bulk
 * (each write error of a bulk write is looked at) — on MongoDB and on FerretDB over SQLite or
 * PostgreSQL alike. The HTTP error handler maps it to 409 DUPLICATE; a repository that knows
 * which rule the index enforces throws its own code first (DUPLICATE_BANK_CODE).
 */
export function isDuplicateKeyError(err: unknown): boolean {
  if (!(err instanceof mongoose.mongo.MongoError)) return false;
  if (isDuplicate(err)) return true;
  const writeErrors: unknown = 'writeErrors' in err ? err.writeErrors : undefined;
  const list: unknown[] = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  return list.some((w) => typeof w === 'object' && w !== null && isDuplicate(w));
}

/** The former name of {@link isDuplicateKeyError}. */
export const isDuplicateKey = isDuplicateKeyError;

export async function closeDb(conn: Connection): Promise<void> {
  await conn.close();
}

/** A new aggregate id: a 24-hex ObjectId string, as contracts' ObjectIdString expects. */
export function newId(): string {
  return new Types.ObjectId().toHexString();
}
