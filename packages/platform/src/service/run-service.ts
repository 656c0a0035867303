// runService: boots a declared service (config → database → topics → relay → components → HTTP → background) and closes it in reverse.
import { prefixedGroup, prefixedTopic } from './kafka-names.ts';
import closeWithGrace from 'close-with-grace';
import type { Connection } from 'mongoose';
import { tokenVerifierFromEnv } from '../auth/verify-token.ts';
import { connectDb, pingDb } from '../db/index.ts';
import { rateLimitFrom } from '../http/rate-limit.ts';
import { createLogger } from '../log/create-logger.ts';
import { createKafka, ensureTopics, pingKafka } from '../messaging/kafka.ts';
import { dedupePruneJob } from '../messaging/dedupe-prune.ts';
import { OutboxRelay } from '../messaging/relay.ts';
import { jobComponent } from './components.ts';
import type { ServiceDefinition, ServiceEnv } from './define-service.ts';
import { Lifecycle } from './lifecycle.ts';

export interface RunServiceOptions {
  /** The environment to read the config from. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** What closing keeps for the steps after the relay (database close, exit). */
const AFTER_RELAY_MS = 3_000;

export interface RunningService {
  address: string;
  /** Closes like a signal would, without exiting the process (tests, embedding). */
  close(): Promise<void>;
}

/**
 * Starts the service and installs SIGTERM/SIGINT handling. Start order: database → Kafka
 * topics → relay → components (consumers, jobs) → HTTP listen → background tasks. Close order,
 * each step logged: background tasks abort → HTTP stops accepting and finishes in-flight
 * requests → components stop (consumers commit what they applied) → the relay flushes what is
 * pending and stops → the database closes.
 */
export async function runService<C extends ServiceEnv, M, D>(
  definition: ServiceDefinition<C, M, D>,
  options: RunServiceOptions = {},
): Promise<RunningService> {
  // Config first, outside the try: a bad environment fails fast naming its keys.
  const config = definition.config(options.env ?? process.env);
  const log = createLogger({ name: definition.name, level: config.LOG_LEVEL, ci: config.CI });
  const life = new Lifecycle(log);
  log.info({ step: 'config' }, 'starting');
  // After SHUTDOWN_GRACE_MS the process exits with code 1 even if closing hangs.
  const graceMs = config.SHUTDOWN_GRACE_MS;
  const development = config.NODE_ENV !== 'production';

  const grace = closeWithGrace(
    {
      delay: graceMs,
      logger: {
        error: (message: unknown) => {
          if (message instanceof Error) log.error({ err: message }, 'error while closing');
          else log.error(String(message));
        },
      },
    },
    async ({ signal, err }) => {
      if (err !== undefined) log.fatal({ err }, 'fatal error, closing');
      else log.info({ signal }, 'closing');
      await life.close();
    },
  );

  try {
    const verifier = await tokenVerifierFromEnv(config);
    const db: Connection = await connectDb({
      url: config.MONGO_URL,
      poolSize: config.MONGO_POOL_SIZE,
      timeoutMs: config.MONGO_TIMEOUT_MS,
      autoIndex: development,
    });
    life.onClose('database', () => db.close());
    log.info({ step: 'database' }, 'started');

    const kafka = createKafka({
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID,
      log,
    });
    const topic = (name: string): string => prefixedTopic(config.KAFKA_TOPIC_PREFIX, name);
    const topics = definition.topics.map(topic);
    await ensureTopics(
      kafka,
      topics.map((name) => ({
        topic: name,
        partitions: config.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
      })),
    );
    log.info({ step: 'topics', topics }, 'started');

    const models = await definition.models(db);
    if (!development && config.DB_SYNC_INDEXES) {
      // autoIndex is off outside development: the declared indexes are built here, deliberately.
      await Promise.all(Object.values(db.models).map((model) => model.createIndexes()));
      log.info({ step: 'indexes', models: Object.keys(db.models) }, 'started');
    }
    const sources = definition.relaySources?.(topic) ?? [];
    const relay =
      sources.length === 0
        ? undefined
        : new OutboxRelay({
            kafka,
            connection: db,
            source: definition.name,
            sources,
            log: log.child({ component: 'relay' }),
          });
    if (relay !== undefined) {
      relay.start();
      life.onClose('relay', () => life.flushRelay(relay, graceMs - AFTER_RELAY_MS));
      log.info({ step: 'relay' }, 'started');
    }

    const ctx = {
      name: definition.name,
      config,
      group: (name: string): string => prefixedGroup(config.KAFKA_TOPIC_PREFIX, name),
      log,
      db,
      kafka,
      models,
      wake: () => relay?.wake(),
      topic,
      now: () => new Date(),
    };
    const deps = await definition.deps(ctx);
    for (const component of definition.components?.(ctx, deps) ?? []) {
      await component.start();
      life.onClose(component.name, () => component.stop());
      log.info({ step: component.name }, 'started');
    }

    const prune = jobComponent(
      dedupePruneJob(definition.name, {
        connection: db,
        kafka,
        topics,
        log,
        intervalMs: config.DEDUPE_PRUNE_INTERVAL_MS,
      }),
    );
    await prune.start();
    life.onClose(prune.name, () => prune.stop());

    const app = await definition.buildApp(deps, {
      logger: log,
      auth: verifier,
      readiness: { database: () => pingDb(db), broker: () => pingKafka(kafka) },
      startup: life.startup,
      rateLimit: rateLimitFrom(config),
      strictErrorCodes: development,
    });
    // HTTP closes first: in-flight requests finish while everything they write through is open.
    life.onClose('http', () => app.close());
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    log.info({ step: 'http', address }, 'listening');

    life.runBackground(definition.background?.(ctx, deps) ?? []);
    return {
      address,
      close: async () => {
        grace.uninstall();
        await life.close();
      },
    };
  } catch (error) {
    log.fatal({ err: error }, 'start-up failed, closing what started');
    grace.uninstall();
    await life.close();
    throw error;
  }
}
