// The servers a run uses: Kafka and SMTP of the local stack, and one or more database backends to compare.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DB_BACKENDS,
  down,
  endpointsOf,
  loadSettings,
  probeKafka,
  probeMongo,
  probeSmtp,
  silentReporter,
  up,
  type DbBackend,
} from '@lianxin/infra';
import { listenerOf } from './proc.ts';
import { progress } from './progress.ts';

export interface Backend {
  /** `sqlite`, `postgres`, … — named in every figure of the report. */
  name: string;
  /** A MongoDB-protocol URL without a database name. */
  mongoUrl: string;
}

export interface Stack {
  kafkaBrokers: string;
  smtpUrl: string;
  mailApiUrl: string;
  stateDir: string;
  repoRoot: string;
  backends: Backend[];
  /** Stops the database stacks this run started for the backends it compared. */
  close: () => Promise<void>;
}

function withoutDb(url: string): string {
  const u = new URL(url);
  u.pathname = '/';
  return u.toString();
}

/** Which FerretDB backend serves a port, read from its command line; `mongodb` for anything else. */
export function backendAt(url: string): string {
  const port = Number(new URL(url).port || 27017);
  const pid = listenerOf(port);
  if (pid === undefined) return 'unknown';
  let cmd = '';
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return 'unknown';
  }
  if (!cmd.includes('ferretdb')) return 'mongodb';
  return cmd.includes('postgresql-url') ? 'postgresql' : 'sqlite';
}

const ALIASES: Record<string, string> = { postgres: 'postgresql', pg: 'postgresql' };

const isDbBackend = (name: string): name is DbBackend => DB_BACKENDS.some((b) => b === name);

/**
 * `--backends sqlite,postgresql` names the backends to compare. The one the stack runs is used as
 * it is; another is started beside it through `@lianxin/infra` — a FerretDB (and its PostgreSQL)
 * of its own, in `<state>/bench-<backend>`, on BENCH_SIDE_MONGO_PORT (27019) and
 * BENCH_SIDE_PG_PORT (5435) — and stopped at the end. `name=mongodb://…` uses any server.
 */
async function resolveBackends(
  spec: string | undefined,
  primaryUrl: string,
  stateDir: string,
  env: NodeJS.ProcessEnv,
  alone: boolean,
): Promise<{ backends: Backend[]; started: (() => Promise<void>)[] }> {
  const primary = { name: backendAt(primaryUrl), mongoUrl: withoutDb(primaryUrl) };
  const started: (() => Promise<void>)[] = [];
  const backends: Backend[] = [];
  // By default the stack's own backend, and (unless `alone`: --quick) the other FerretDB backend
  // beside it for the burst.
  const other = alone
    ? undefined
    : DB_BACKENDS.find((b) => b !== primary.name && isDbBackend(primary.name));
  const parts = (spec ?? (other === undefined ? primary.name : `${primary.name},${other}`))
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq >= 0) {
      backends.push({ name: part.slice(0, eq), mongoUrl: withoutDb(part.slice(eq + 1)) });
      continue;
    }
    const name = ALIASES[part] ?? part;
    if (name === primary.name) {
      backends.push(primary);
      continue;
    }
    if (!isDbBackend(name))
      throw new Error(`--backends: unknown backend "${part}" (have ${DB_BACKENDS.join(', ')})`);
    const side = loadSettings({
      ...env,
      LIANXIN_STATE_DIR: join(stateDir, `bench-${name}`),
      LIANXIN_DB_BACKEND: name,
      LIANXIN_MONGO_PORT: env.BENCH_SIDE_MONGO_PORT ?? '27019',
      LIANXIN_PG_PORT: env.BENCH_SIDE_PG_PORT ?? '5435',
    });
    progress(`starting a ${name} database beside the stack on :${side.ports.mongo}`);
    const { endpoints } = await up(silentReporter, side, ['ferretdb']);
    started.push(async () => {
      await down(silentReporter, side);
    });
    backends.push({ name, mongoUrl: withoutDb(endpoints.mongoUrl) });
  }
  return { backends, started };
}

/**
 * The environment's servers when KAFKA_BROKERS, MONGO_URL and SMTP_URL are set (as in the test
 * provider), else the local stack, started if it is not running (as `pnpm start` does).
 */
export async function openStack(
  backendSpec: string | undefined,
  env = process.env,
  /** Only the stack's own backend unless `backendSpec` names more (`--quick`). */
  alone = false,
): Promise<Stack> {
  const settings = loadSettings(env);
  let endpoints: { kafkaBrokers: string; mongoUrl: string; smtpUrl: string; mailApiUrl: string } =
    endpointsOf(settings);
  if (env.KAFKA_BROKERS && env.MONGO_URL && env.SMTP_URL) {
    endpoints = {
      kafkaBrokers: env.KAFKA_BROKERS,
      mongoUrl: env.MONGO_URL,
      smtpUrl: env.SMTP_URL,
      mailApiUrl: env.MAIL_API_URL ?? endpoints.mailApiUrl,
    };
  } else {
    progress('starting the local stack (pnpm infra up)');
    endpoints = (await up(silentReporter, settings)).endpoints;
  }
  await probeKafka(endpoints.kafkaBrokers);
  await probeSmtp(endpoints.smtpUrl);
  const { backends, started } = await resolveBackends(
    backendSpec,
    endpoints.mongoUrl,
    settings.stateDir,
    env,
    alone,
  );
  for (const b of backends) await probeMongo(b.mongoUrl);
  return {
    kafkaBrokers: endpoints.kafkaBrokers,
    smtpUrl: endpoints.smtpUrl,
    mailApiUrl: endpoints.mailApiUrl,
    stateDir: settings.stateDir,
    repoRoot: settings.repoRoot,
    backends,
    close: async () => {
      for (const stop of started) await stop();
    },
  };
}
