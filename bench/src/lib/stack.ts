// The servers a run uses: Kafka and SMTP of the local stack, and one or more database backends to compare.
import {
  endpointsOf,
  loadSettings,
  probeKafka,
  probeMongo,
  probeSmtp,
  silentReporter,
  up,
} from '@lianxin/infra';
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
}

function withoutDb(url: string): string {
  const u = new URL(url);
  u.pathname = '/';
  return u.toString();
}

/**
 * `--backends sqlite=mongodb://127.0.0.1:27017/,postgres=mongodb://127.0.0.1:27018/` names each
 * backend and its URL. A bare name means the stack's own database at MONGO_URL (or the local
 * stack's default port) — the local stack runs one backend at a time.
 */
export function parseBackends(spec: string, defaultUrl: string): Backend[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return { name: part, mongoUrl: withoutDb(defaultUrl) };
      return { name: part.slice(0, eq), mongoUrl: withoutDb(part.slice(eq + 1)) };
    });
}

/**
 * The environment's servers when KAFKA_BROKERS, MONGO_URL and SMTP_URL are set (as in the test
 * provider), else the local stack, started if it is not running (as `pnpm start` does).
 */
export async function openStack(
  backendSpec: string | undefined,
  env = process.env,
): Promise<Stack> {
  const settings = loadSettings(env);
  let endpoints = endpointsOf(settings);
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
  const backends = parseBackends(backendSpec ?? 'sqlite', endpoints.mongoUrl);
  await probeKafka(endpoints.kafkaBrokers);
  await probeSmtp(endpoints.smtpUrl);
  for (const b of backends) await probeMongo(b.mongoUrl);
  return {
    kafkaBrokers: endpoints.kafkaBrokers,
    smtpUrl: endpoints.smtpUrl,
    mailApiUrl: endpoints.mailApiUrl,
    stateDir: settings.stateDir,
    repoRoot: settings.repoRoot,
    backends,
  };
}
