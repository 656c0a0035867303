// The outreach process: config → database → Kafka → topics → relay → consumers → HTTP listen → background
// start-up work (reconcile, cancellations, demo), closed in reverse.
import { Topics as ContractTopics } from '@lianxin/contracts';
import { tokenVerifierFromEnv } from '@lianxin/platform/auth';
import { connectDb, closeDb, pingDb } from '@lianxin/platform/db';
import { runService } from '@lianxin/platform/http';
import { createLogger } from '@lianxin/platform/log';
import { createKafka, ensureTopics, OutboxRelay, pingKafka } from '@lianxin/platform/messaging';
import { buildApp } from './app.ts';
import { bankConsumer } from './banks/bank.consumer.ts';
import { loadOutreachConfig } from './config.ts';
import { createDeps, type Topics } from './shared/deps.ts';
import { backgroundWork } from './background.ts';
import { relaySources } from './shared/messaging.ts';
import { buildModels, initModels } from './shared/models.ts';

const config = loadOutreachConfig();
const log = createLogger({ name: 'outreach', level: config.LOG_LEVEL, ci: config.CI });
log.info('starting');
const topics: Topics = {
  banks: `${config.TOPIC_PREFIX}${ContractTopics.banks}`,
  sessions: `${config.TOPIC_PREFIX}${ContractTopics.sessions}`,
  registrations: `${config.TOPIC_PREFIX}${ContractTopics.registrations}`,
};

const conn = await connectDb({
  url: config.MONGO_URL,
  poolSize: config.MONGO_POOL_SIZE,
  timeoutMs: config.MONGO_TIMEOUT_MS,
});
const models = buildModels(conn);
// Not awaited before listen: after a crash it may queue behind the dead process's writes. Requests
// wait for it (below); /readyz reports it.
let indexesReady = false;
const indexes = initModels(models).then(() => {
  indexesReady = true;
});
indexes.catch((err: unknown) => {
  log.fatal({ err }, 'collections and indexes could not be created');
  process.exitCode = 1;
  process.kill(process.pid, 'SIGTERM');
});
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, log });
await ensureTopics(
  kafka,
  [topics.banks, topics.sessions, topics.registrations].map((topic) => ({
    topic,
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
  })),
);

const relay = new OutboxRelay({
  kafka,
  connection: conn,
  source: 'outreach',
  sources: relaySources(topics),
  log,
});
relay.start();
let kick = (): void => undefined;
const deps = createDeps({
  models,
  wake: () => {
    relay.wake();
  },
  log,
  settings: { checkInSecret: config.CHECK_IN_SECRET, pendingGraceMs: config.RECONCILE_GRACE_MS },
  kickSessionCancellations: () => {
    kick();
  },
});

const banks = bankConsumer({
  kafka,
  conn,
  topic: topics.banks,
  groupId: config.BANK_CONSUMER_GROUP,
  log,
});
// Start-up work runs after listen, in the background; /readyz names what is still pending.
const work = backgroundWork(deps, conn, config, { bankConsumer: () => banks.start() }, indexes);
kick = () => {
  work.kickSessionCancellations();
};

const app = await buildApp(deps, {
  logger: log,
  auth: await tokenVerifierFromEnv(config),
  readiness: {
    database: () => pingDb(conn),
    broker: () => pingKafka(kafka),
    indexes: () =>
      indexesReady ? Promise.resolve() : Promise.reject(new Error('indexes still pending')),
    ...work.readiness,
  },
});
app.addHook('onRequest', async (request) => {
  if (!request.url.startsWith('/healthz') && !request.url.startsWith('/readyz')) await indexes;
});

await runService({
  app,
  port: config.PORT,
  host: config.HOST,
  logger: log,
  onClose: [() => closeDb(conn), () => relay.stop(), () => banks.stop(), () => work.stop()],
});
work.start();
