// Lianxin on one backend for a run: the services as processes on bench databases, and data made through their APIs.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { Api } from './api.ts';
import { progress } from './progress.ts';
import { startChild, type RunningChild } from './services.ts';
import type { Backend, Stack } from './stack.ts';
import type { Tokens } from './tokens.ts';
import { benchDbName, benchTopicPrefix } from './run-scope.ts';

export interface SystemOptions {
  stack: Stack;
  backend: Backend;
  tokens: Tokens;
  runId: string;
  portBase: number;
  logDir: string;
  /**
   * A fresh set of databases (and bank consumer group) for the services: 0 is the run's first;
   * the burst starts each round on a new one so a round does not scan the previous rounds' data.
   */
  generation?: number;
  /** Services to run with `--cpu-prof` (profiles land in this folder). */
  profile?: { services: string[]; dir: string };
}

export interface System {
  backend: Backend;
  banks: RunningChild;
  outreach: RunningChild;
  /**
   * Starts the notifier (undefined while services/notifier does not exist). It is not run
   * otherwise: the email benchmark starts it once the events it is to work through are on Kafka.
   */
  startNotifier: (() => Promise<RunningChild>) | undefined;
  banksApi: Api;
  outreachApi: Api;
  mongo: MongoClient;
  /** Outreach's database: the bench reads its bank read model to see when an event was applied. */
  outreachDb: Db;
  dbName: (service: string) => string;
  /** Stops the services; with `drop`, then drops the databases they used (a burst round's). */
  stop: (opts?: { drop: boolean }) => Promise<void>;
}

export interface BenchBank {
  bankId: string;
  liaisonId: string | undefined;
}

/** Names of outreach's read-model collections (outreach's `banks/bank-view.model.ts`). */
export const BANK_VIEW = 'bank_view';
export const LIAISON_VIEW = 'liaison_view';

let counter = 0;
const runTag = randomBytes(2).toString('hex').toUpperCase();
const mobileBase = 100_000_000 + Math.floor(Math.random() * 800_000_000);
/** A mobile number no other datum of this run uses. */
export function uniqueMobile(): string {
  counter += 1;
  return `13${String(mobileBase + counter).slice(-9)}`;
}

export { benchDbName } from './run-scope.ts';

export const notifierExists = (repoRoot: string): boolean =>
  existsSync(join(repoRoot, 'services/notifier/src/main.ts'));

export async function startSystem(o: SystemOptions): Promise<System> {
  const gen = o.generation ?? 0;
  const dbName = (service: string) =>
    benchDbName(o.backend, gen === 0 ? service : `g${gen}_${service}`);
  const mongo = await MongoClient.connect(o.backend.mongoUrl);

  const common = (service: string): Record<string, string> => {
    const url = new URL(o.backend.mongoUrl);
    url.pathname = `/${dbName(service)}`;
    return {
      MONGO_URL: url.toString(),
      KAFKA_BROKERS: o.stack.kafkaBrokers,
      KAFKA_CLIENT_ID: `bench-${service}`,
      // The run's own topics and groups: no offsets inherited, no partitions shared with a `pnpm start`.
      KAFKA_TOPIC_PREFIX: benchTopicPrefix(),
      JWT_PUBLIC_KEY_FILE: o.tokens.publicKeyPath,
      LOAD_DEMO: 'false',
      LOG_LEVEL: 'warn',
      // A loaded database answers slowly under a burst; the bench measures that, it must not fail on it.
      MONGO_TIMEOUT_MS: '30000',
      // High, not off: the limiter's cost is part of every request, but a load must not hit it.
      RATE_LIMIT_MAX: '10000000',
    };
  };
  const prof = (service: string) =>
    o.profile?.services.includes(service) === true ? { cpuProfDir: o.profile.dir } : {};
  const started: RunningChild[] = [];
  const stopAll = async () => {
    for (const c of started.reverse()) await c.stop();
  };
  const start = async (name: string, port: number, env: Record<string, string>) => {
    progress(`${o.backend.name}: starting ${name} on :${port}`);
    const child = await startChild(o.stack.repoRoot, o.logDir, {
      name: `${o.backend.name}-${name}`,
      script: `services/${name}/src/main.ts`,
      port,
      env: { ...common(name), ...env },
      ...prof(name),
    });
    started.push(child);
    return child;
  };
  try {
    const banks = await start('banks', o.portBase + 1, {});
    const outreach = await start('outreach', o.portBase + 2, {
      CHECK_IN_SECRET: randomBytes(32).toString('hex'),
      // Per backend: the run's two backends' outreaches each read every bank event.
      // A new generation's outreach reads the run's bank events from the start into its new database.
      BANK_CONSUMER_GROUP: `${o.backend.name}-banks${gen === 0 ? '' : `-g${gen}`}`,
    });
    const startNotifier = notifierExists(o.stack.repoRoot)
      ? () =>
          start('notifier', o.portBase + 4, {
            SMTP_URL: o.stack.smtpUrl,
            UNSUBSCRIBE_SECRET: randomBytes(32).toString('hex'),
          })
      : undefined;
    return {
      backend: o.backend,
      banks,
      outreach,
      startNotifier,
      banksApi: new Api(banks.url),
      outreachApi: new Api(outreach.url),
      mongo,
      outreachDb: mongo.db(dbName('outreach')),
      dbName,
      stop: async (opts) => {
        await stopAll();
        try {
          if (opts?.drop === true)
            for (const service of ['banks', 'outreach', 'notifier'])
              await mongo.db(dbName(service)).dropDatabase();
        } finally {
          await mongo.close();
        }
      },
    };
  } catch (err) {
    await stopAll();
    await mongo.close();
    throw err;
  }
}

/** Registers `n` banks through the banks API (each with a liaison if asked) and waits until outreach knows them. */
export async function createBanks(
  sys: System,
  tokens: Tokens,
  n: number,
  withLiaisons: boolean,
): Promise<BenchBank[]> {
  const coordinator = await tokens.coordinator(`bench-setup-${runTag}`);
  const out: BenchBank[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next; i < n; i = next) {
      next += 1;
      counter += 1;
      const tag = `${runTag}-${counter}`;
      const bank = await sys.banksApi.call<{ id: string }>(coordinator, 'POST', '/banks', {
        code: `BENCH-${tag}`,
        name: { zh: `压测银行${tag}香河支行`, en: `Bench Bank ${tag}` },
        shortName: `压测${i}`,
        type: 'city_commercial',
        district: '淑阳镇',
        address: '香河县新开街1号',
      });
      let liaisonId: string | undefined;
      if (withLiaisons) {
        const l = await sys.banksApi.call<{ id: string }>(
          coordinator,
          'POST',
          `/banks/${bank.id}/liaisons`,
          {
            name: `联络员${i}`,
            mobile: uniqueMobile(),
            email: `liaison-${tag.toLowerCase()}@bench.example.cn`,
          },
        );
        liaisonId = l.id;
      }
      out.push({ bankId: bank.id, liaisonId });
    }
  };
  // A few at a time: setting up is not what is measured, and must not swamp a shared database.
  await Promise.all(Array.from({ length: 4 }, worker));
  await waitForReadModel(sys, out, withLiaisons);
  return out;
}

async function waitForReadModel(sys: System, banks: BenchBank[], liaisons: boolean): Promise<void> {
  // A new outreach replays lianxin.banks.v1 from the start (every earlier run's banks) first.
  const deadline = Date.now() + 300_000;
  const bankIds = banks.map((b) => b.bankId);
  const liaisonIds = banks.flatMap((b) => (b.liaisonId === undefined ? [] : [b.liaisonId]));
  while (Date.now() < deadline) {
    const nb = await sys.outreachDb
      .collection(BANK_VIEW)
      .countDocuments({ _id: { $in: bankIds } } as never);
    const nl = liaisons
      ? await sys.outreachDb
          .collection(LIAISON_VIEW)
          .countDocuments({ _id: { $in: liaisonIds }, active: true } as never)
      : 0;
    if (nb === bankIds.length && nl === liaisonIds.length) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    'outreach did not receive the bench banks within 300 s (is its bank consumer running?)',
  );
}

let venue = 0;
/** Schedules a bank forum inviting `banks` through the outreach API; returns its id. */
export async function scheduleForum(
  sys: System,
  tokens: Tokens,
  banks: readonly BenchBank[],
  capacity: number,
  perBankQuota: number | null,
): Promise<string> {
  venue += 1;
  const startsAt = new Date(Date.now() + 7 * 24 * 3_600_000 + venue * 3 * 3_600_000);
  const session = await sys.outreachApi.call<{ id: string }>(
    await tokens.coordinator(`bench-setup-${runTag}`),
    'POST',
    '/sessions',
    {
      title: `反诈银警恳谈会（压测 ${runTag}-${venue}）`,
      kind: 'bank_forum',
      format: 'open_forum',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      venue: { name: `压测会议室${runTag}-${venue}`, address: '香河县新开街1号' },
      organisingUnit: '香河县公安局反诈中心',
      hostOfficerIds: [`bench-officer-${runTag}-${venue}`],
      capacity,
      perBankQuota,
      invitedBankIds: banks.map((b) => b.bankId),
      audiences: ['bank_staff'],
      fraudTopics: ['task_rebate'],
    },
  );
  return session.id;
}

/** A registration body for attendee `n`. */
export function attendee(n: number, withEmail = false): Record<string, unknown> {
  const mobile = uniqueMobile();
  return {
    name: `员工${n}`,
    mobile,
    position: '客户经理',
    branch: '香河支行营业部',
    ...(withEmail ? { email: `staff-${mobile}@bench.example.cn` } : {}),
  };
}
