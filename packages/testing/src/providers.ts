// Chooses where the real servers for tests come from: the environment, else Docker (testcontainers), else the local stack.
import { down, loadSettings, silentReporter, up, type ServiceName } from '@lianxin/infra';
import type { InfraSettings } from './settings.ts';

export interface Provided {
  settings: InfraSettings;
  /** Stops what this provider started; leaves alone what was already running. */
  stop: () => Promise<void>;
  /** One line for the test log: which provider served and where. */
  describe: string;
}

const ENV_KEYS = ['KAFKA_BROKERS', 'MONGO_URL', 'SMTP_URL', 'MAIL_API_URL'] as const;

function fromUrl(smtpUrl: string): { host: string; port: number } {
  const u = new URL(smtpUrl);
  return { host: u.hostname, port: Number(u.port) || 25 };
}

/** Mongo server URL with any database path removed, so test files can add their own. */
export function serverUrl(mongoUrl: string): string {
  const u = new URL(mongoUrl);
  u.pathname = '/';
  return u.toString();
}

export function fromEnvironment(env: NodeJS.ProcessEnv): Provided | undefined {
  const given = ENV_KEYS.filter((k) => env[k]);
  if (given.length === 0) return undefined;
  const missing = ENV_KEYS.filter((k) => !env[k]);
  if (missing.length > 0) {
    throw new Error(
      `test infrastructure: ${given.join(', ')} set but ${missing.join(', ')} missing — set all four, or none to use Docker or the local stack`,
    );
  }
  const [brokers = '', mongo = '', smtp = '', mailApi = ''] = ENV_KEYS.map((k) => env[k] ?? '');
  return {
    settings: {
      provider: 'environment',
      kafkaBrokers: brokers.split(',').map((b) => b.trim()),
      mongoUrl: serverUrl(mongo),
      smtp: fromUrl(smtp),
      mailApiUrl: mailApi.replace(/\/$/, ''),
    },
    stop: () => Promise.resolve(),
    describe: `environment (KAFKA_BROKERS=${brokers}, MONGO_URL=${mongo}, SMTP_URL=${smtp})`,
  };
}

async function dockerAvailable(): Promise<boolean> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error('no container runtime answered within 15 s'));
        }, 15_000);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Kafka (Confluent 7.9 = Apache Kafka 3.9, KRaft), mongo:7 and MailDev 3 in containers. */
export async function fromDocker(): Promise<Provided | undefined> {
  if (!(await dockerAvailable())) return undefined;
  const { GenericContainer, Wait } = await import('testcontainers');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const [kafka, mongo, mail] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new MongoDBContainer('mongo:7').start(),
    new GenericContainer('maildev/maildev:3.0.0')
      .withExposedPorts(1025, 1080)
      .withWaitStrategy(Wait.forHttp('/api/healthz', 1080))
      .start(),
  ]);
  const mongoUrl = new URL(mongo.getConnectionString());
  mongoUrl.searchParams.set('directConnection', 'true');
  return {
    settings: {
      provider: 'docker',
      kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
      mongoUrl: serverUrl(mongoUrl.toString()),
      smtp: { host: mail.getHost(), port: mail.getMappedPort(1025) },
      mailApiUrl: `http://${mail.getHost()}:${mail.getMappedPort(1080)}/api`,
    },
    stop: async () => {
      await Promise.all([kafka.stop(), mongo.stop(), mail.stop()]);
    },
    describe: 'Docker via testcontainers (cp-kafka 7.9 KRaft, mongo:7, maildev 3)',
  };
}

/** The local stack of `pnpm infra`: reused when running, else started and stopped afterwards. */
export async function fromLocalStack(): Promise<Provided> {
  const stack = loadSettings();
  const { endpoints, started } = await up(silentReporter, stack).catch(async (err: unknown) => {
    // what did start (PostgreSQL before a FerretDB whose port was taken) is not left behind
    const partial: unknown = err instanceof Error && 'started' in err ? err.started : [];
    if (Array.isArray(partial) && partial.length > 0) {
      await down(silentReporter, stack, partial as ServiceName[]).catch(() => undefined);
    }
    throw err;
  });
  const smtp = fromUrl(endpoints.smtpUrl);
  const ours: ServiceName[] = started;
  return {
    settings: {
      provider: 'local',
      kafkaBrokers: endpoints.kafkaBrokers.split(','),
      mongoUrl: serverUrl(endpoints.mongoUrl),
      smtp,
      mailApiUrl: endpoints.mailApiUrl,
    },
    stop: async () => {
      if (ours.length > 0) await down(silentReporter, undefined, ours);
    },
    describe: `local stack: Kafka 3.9.1 ${endpoints.kafkaBrokers}, FerretDB 1.24.2 on ${stack.dbBackend} ${endpoints.mongoUrl}, MailDev ${endpoints.smtpUrl} (${
      ours.length > 0 ? `started ${ours.join(', ')}; stopped after the run` : 'already running'
    })`,
  };
}

export async function provide(env: NodeJS.ProcessEnv = process.env): Promise<Provided> {
  return fromEnvironment(env) ?? (await fromDocker()) ?? (await fromLocalStack());
}
