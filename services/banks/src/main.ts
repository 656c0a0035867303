// The banks service process: config → database → Kafka topics and relay → HTTP, with a graceful close.
import { Topics, topicOf, type EventType } from '@lianxin/contracts';
import { allBanks, tokenVerifierFromEnv } from '@lianxin/platform/auth';
import { connectDb, pingDb } from '@lianxin/platform/db';
import { runService } from '@lianxin/platform/http';
import { createLogger } from '@lianxin/platform/log';
import { createKafka, ensureTopics, OutboxRelay, pingKafka } from '@lianxin/platform/messaging';
import { buildApp } from './app.ts';
import { bankModels } from './banks/bank.model.ts';
import { BankRepository } from './banks/bank.repository.ts';
import { loadBanksConfig } from './config.ts';
import type { BanksDeps } from './deps.ts';
import { loadDemo } from './demo/load-demo.ts';
import { ContactReservations } from './liaisons/contact-reservations.ts';

const config = loadBanksConfig();
const logger = createLogger({ name: 'banks', level: config.LOG_LEVEL, ci: config.CI });
const verifier = await tokenVerifierFromEnv(config);

const db = await connectDb({
  url: config.MONGO_URL,
  poolSize: config.MONGO_POOL_SIZE,
  timeoutMs: config.MONGO_TIMEOUT_MS,
});
const kafka = createKafka({
  brokers: config.KAFKA_BROKERS,
  clientId: config.KAFKA_CLIENT_ID,
  log: logger,
});
await ensureTopics(kafka, [
  {
    topic: Topics.banks,
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
  },
]);

const models = bankModels(db);
await Promise.all([models.banks.init(), models.reservations.init()]);
const relay = new OutboxRelay({
  kafka,
  connection: db,
  source: 'banks',
  sources: [{ collection: 'banks', topicFor: (type) => topicOf(type as EventType) }],
  log: logger.child({ component: 'relay' }),
});
const deps: BanksDeps = {
  banks: new BankRepository(models, () => {
    relay.wake();
  }),
  reservations: new ContactReservations(models),
  now: () => new Date(),
};
relay.start();

if (config.LOAD_DEMO) {
  const demo = await loadDemo(
    deps,
    allBanks({ sub: 'demo-loader', role: 'coordinator', name: 'demo' }),
  );
  logger.info({ demo }, 'demo banks loaded');
}

const app = await buildApp({
  deps,
  verifier,
  logger,
  readiness: { database: () => pingDb(db), broker: () => pingKafka(kafka) },
});
await runService({
  app,
  port: config.PORT,
  host: config.HOST,
  logger,
  onClose: [() => relay.stop(), () => db.close()],
});
