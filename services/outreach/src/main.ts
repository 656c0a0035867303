// The outreach process: config → database → Kafka → topics → relay → consumers → reconcile job → HTTP, closed in reverse.
import { Topics as ContractTopics } from '@lianxin/contracts';
import { tokenVerifierFromEnv } from '@lianxin/platform/auth';
import { connectDb, closeDb, pingDb } from '@lianxin/platform/db';
import { runService } from '@lianxin/platform/http';
import { PeriodicJob } from '@lianxin/platform/jobs';
import { createLogger } from '@lianxin/platform/log';
import { createKafka, ensureTopics, OutboxRelay, pingKafka } from '@lianxin/platform/messaging';
import { buildApp } from './app.ts';
import { bankConsumer } from './banks/bank-consumer.ts';
import { readConfig } from './config.ts';
import { loadDemo } from './demo/load-demo.ts';
import { reconcile } from './registrations/reconcile.ts';
import type { Deps, Topics } from './shared/deps.ts';
import { relaySources } from './shared/messaging.ts';
import { createModels } from './shared/models.ts';

const config = readConfig();
const log = createLogger({ name: 'outreach', level: config.LOG_LEVEL, ci: config.CI });
const topics: Topics = {
  banks: ContractTopics.banks,
  sessions: ContractTopics.sessions,
  registrations: ContractTopics.registrations,
};

const conn = await connectDb({
  url: config.MONGO_URL,
  poolSize: config.MONGO_POOL_SIZE,
  timeoutMs: config.MONGO_TIMEOUT_MS,
});
const models = await createModels(conn);
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
const deps: Deps = {
  models,
  wake: () => {
    relay.wake();
  },
  now: () => new Date(),
  checkInSecret: config.CHECK_IN_SECRET,
  log,
};

const banks = bankConsumer({
  kafka,
  conn,
  topic: topics.banks,
  groupId: config.BANK_CONSUMER_GROUP,
  log,
});
await banks.start();

// At start (in the background) and then periodically, one pass at a time across every replica:
// finish what a crash interrupted (ADR 006, ADR 009).
const reconciler = new PeriodicJob({
  name: 'outreach.reconcile',
  connection: conn,
  intervalMs: config.RECONCILE_INTERVAL_MS,
  log,
  run: async ({ signal }) => {
    const report = await reconcile(deps, { signal });
    if (report.settled + report.released + report.promoted + report.cancelled > 0)
      log.info({ report }, 'reconciled');
  },
});
reconciler.start();

if (config.LOAD_DEMO) {
  // The demo invites the partner banks, which arrive from lianxin.banks.v1: wait (bounded) for the
  // read model to hold them and their liaisons before scheduling the forum.
  const deadline = Date.now() + 30_000;
  const ready = async () =>
    (await models.banks.countDocuments({ status: 'active' })) >= 12 &&
    (await models.liaisons.countDocuments({ active: true })) >= 12;
  while (!(await ready()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  log.info({ demo: await loadDemo(deps) }, 'demo loaded');
}

const app = await buildApp(deps, {
  logger: log,
  auth: await tokenVerifierFromEnv(config),
  readiness: { database: () => pingDb(conn), broker: () => pingKafka(kafka) },
});

await runService({
  app,
  port: config.PORT,
  host: config.HOST,
  logger: log,
  onClose: [() => closeDb(conn), () => relay.stop(), () => banks.stop(), () => reconciler.stop()],
});
