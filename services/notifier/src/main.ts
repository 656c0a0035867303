// The notifier process: config → database → templates → SMTP pool → topics → dispatcher → consumers → digest → HTTP.
import { randomUUID } from 'node:crypto';
import { tokenVerifierFromEnv } from '@lianxin/platform/auth';
import { closeDb, connectDb, pingDb } from '@lianxin/platform/db';
import { runService } from '@lianxin/platform/http';
import { PeriodicJob } from '@lianxin/platform/jobs';
import { createLogger } from '@lianxin/platform/log';
import { createKafka, ensureTopics, pingKafka } from '@lianxin/platform/messaging';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { deliveryRepository } from './deliveries/delivery.repository.ts';
import { Dispatcher } from './deliveries/dispatch-deliveries.ts';
import { createMailer, sendDelivery } from './deliveries/send-delivery.ts';
import { loadDemo } from './demo/load-demo.ts';
import { sendWeeklyDigest } from './digest/send-weekly-digest.ts';
import { loadTemplates } from './email/template.repository.ts';
import { createDeps } from './shared/deps.ts';
import { CONSUMED, notifierConsumers, topicsFor } from './shared/messaging.ts';
import { createModels } from './shared/models.ts';

const config = readConfig();
const log = createLogger({ name: 'notifier', level: config.LOG_LEVEL, ci: config.CI });
const now = () => new Date();

const conn = await connectDb({
  url: config.MONGO_URL,
  poolSize: config.MONGO_POOL_SIZE,
  timeoutMs: config.MONGO_TIMEOUT_MS,
});
const models = await createModels(conn);
const templates = loadTemplates();
const mailer = createMailer({ url: config.SMTP_URL, poolSize: config.SMTP_POOL_SIZE });
const from = config.MAIL_FROM;
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, log });
const topics = topicsFor(config.KAFKA_TOPIC_PREFIX);
await ensureTopics(
  kafka,
  CONSUMED.map((name) => ({
    topic: topics[name],
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
  })),
);

const store = deliveryRepository(models.deliveries, models.claims);
const workerId = `${config.KAFKA_CLIENT_ID}-${process.pid}-${randomUUID().slice(0, 8)}`;
const dispatcher = new Dispatcher({
  store,
  send: (doc) =>
    sendDelivery(
      {
        mailer,
        templates,
        from,
        now,
        settings: {
          maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
          backoffMs: config.DELIVERY_BACKOFF_MS,
          backoffMaxMs: config.DELIVERY_BACKOFF_MAX_MS,
        },
      },
      doc,
    ),
  log: log.child({ worker: workerId }),
  workerId,
  now,
  pollMs: config.DISPATCH_POLL_MS,
  concurrency: config.SMTP_POOL_SIZE,
});
const deps = createDeps(models, {
  templates,
  wake: () => {
    dispatcher.wake();
  },
  now,
  log,
  settings: { publicUrl: config.PUBLIC_URL, unsubscribeSecret: config.UNSUBSCRIBE_SECRET, from },
});
dispatcher.start();

const consumers = notifierConsumers({
  kafka,
  deps,
  topics,
  groupPrefix: config.KAFKA_TOPIC_PREFIX,
  log,
});
await Promise.all(consumers.map((c) => c.start()));
// One replica at a time checks whether a weekly digest is due; the deliveries' keys make a second
// check (or a second replica) plan nothing twice anyway.
const digest = new PeriodicJob({
  name: 'notifier-weekly-digest',
  connection: conn,
  intervalMs: config.DIGEST_CHECK_MS,
  run: () => sendWeeklyDigest(deps),
  log,
});
digest.start();
if (config.LOAD_DEMO)
  log.info({ demo: await loadDemo(kafka, topics) }, 'demo account events published');

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
  onClose: [
    () => closeDb(conn),
    () => {
      mailer.close();
    },
    () => dispatcher.stop(),
    ...consumers.map((c) => () => c.stop()),
    () => digest.stop(),
  ],
});
