// The content process: config → database → Kafka topics → relay → session consumer → demo → HTTP, closed in reverse.
import { Topics } from '@lianxin/contracts';
import { tokenVerifierFromEnv } from '@lianxin/platform/auth';
import { closeDb, connectDb, pingDb } from '@lianxin/platform/db';
import { runService } from '@lianxin/platform/http';
import { createLogger } from '@lianxin/platform/log';
import { createKafka, ensureTopics, OutboxRelay, pingKafka } from '@lianxin/platform/messaging';
import { buildApp } from './app.ts';
import { loadContentConfig } from './config.ts';
import { loadDemo } from './demo/load-demo.ts';
import { sessionConsumer } from './sessions/session.consumer.ts';
import { relaySources, type ContentTopics } from './shared/messaging.ts';
import { createStores } from './shared/models.ts';

const config = loadContentConfig();
const log = createLogger({ name: 'content', level: config.LOG_LEVEL, ci: config.CI });
const topics: ContentTopics = { bulletins: Topics.bulletins, sessions: Topics.sessions };

const conn = await connectDb({
  url: config.MONGO_URL,
  poolSize: config.MONGO_POOL_SIZE,
  timeoutMs: config.MONGO_TIMEOUT_MS,
});
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, log });
await ensureTopics(
  kafka,
  [topics.bulletins, topics.sessions].map((topic) => ({
    topic,
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
  })),
);
const relay = new OutboxRelay({
  kafka,
  connection: conn,
  source: 'content',
  sources: relaySources(topics),
  log,
});
const deps = await createStores(conn, () => {
  relay.wake();
});
relay.start();
const sessions = sessionConsumer({
  kafka,
  conn,
  topic: topics.sessions,
  groupId: config.SESSION_CONSUMER_GROUP,
  log,
  deps,
});
await sessions.start();

if (config.LOAD_DEMO) log.info({ demo: await loadDemo(deps) }, 'demo bulletins loaded');

const app = await buildApp({
  deps,
  verifier: await tokenVerifierFromEnv(config),
  logger: log,
  readiness: { database: () => pingDb(conn), broker: () => pingKafka(kafka) },
});
await runService({
  app,
  port: config.PORT,
  host: config.HOST,
  logger: log,
  onClose: [() => closeDb(conn), () => relay.stop(), () => sessions.stop()],
});
