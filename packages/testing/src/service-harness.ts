// A declared service built for one test file on the real database and broker, with its own topics, relay and teardown.
import { connectDb } from '@lianxin/platform/db';
import type { App } from '@lianxin/platform/http';
import { createKafka, OutboxRelay } from '@lianxin/platform/messaging';
import type { ServiceContext, ServiceDefinition, ServiceEnv } from '@lianxin/platform/service';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import { afterAll } from 'vitest';
import { caller, testAuth, type Caller, type Who } from './auth.ts';
import { createTopics } from './kafka.ts';
import { testEnv, type TestEnv } from './test-env.ts';

export interface ServiceHarness<C, M, D> {
  env: TestEnv;
  app: App;
  deps: D;
  ctx: ServiceContext<C, M>;
  db: Connection;
  models: M;
  /** Moves the service's clock (`ctx.now`, not the test's) by `offsetMs`; reset it after the test. */
  clock: { offsetMs: number };
  /** This file's name of a catalogue topic. */
  topic: (name: string) => string;
  /** Publishes everything pending in the outboxes now; returns how many events went out. */
  flush: () => Promise<number>;
  /** A caller signed as `who` (`'coordinator'`, `{ liaison: bankId }`, full claims) or `null`. */
  as: (who: Who | null) => Caller;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  /** Extra environment for the service's config (e.g. `{ CHECK_IN_SECRET: '…' }`). */
  env?: Record<string, string>;
  /** Start the service's components (consumers, jobs). Default true. */
  components?: boolean;
  /**
   * Run the outbox relay in the background. Default true; false leaves events in the outboxes
   * until `flush()` (a test that measures a write path alone).
   */
  relay?: boolean;
  /**
   * A database of the service's own (the file's name + `_<service>`) instead of the file's one:
   * for several services in one file whose collections would collide, as in production.
   */
  ownDatabase?: boolean;
}

/**
 * `const h = await serviceHarness(import.meta.url, banksService)`: the service's app on this
 * file's database and topics, its relay running (polling every 100 ms), tokens from the file's
 * `testAuth()`, undeclared error codes answered as 500. Closes itself in `afterAll` (app,
 * components, relay, then the database is dropped), so a test file writes no teardown.
 */
export async function serviceHarness<C extends ServiceEnv, M, D>(
  fileUrl: string,
  definition: ServiceDefinition<C, M, D>,
  options: HarnessOptions = {},
): Promise<ServiceHarness<C, M, D>> {
  const env = testEnv(fileUrl);
  const dbUrl =
    options.ownDatabase === true ? ownDatabaseUrl(env.dbUrl, definition.name) : env.dbUrl;
  const config = definition.config({
    MONGO_URL: dbUrl,
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    KAFKA_CLIENT_ID: `${env.id}-${definition.name}`,
    // The test run's SMTP server (MailDev), for a service that sends email; others ignore it.
    SMTP_URL: `smtp://${env.smtp.host}:${env.smtp.port}`,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const closers: (() => Promise<unknown>)[] = [];
  const close = async (): Promise<void> => {
    for (const step of closers.splice(0).reverse()) await step();
  };
  afterAll(close);

  const db = await connectDb({ url: dbUrl });
  closers.push(async () => {
    await db.dropDatabase();
    await db.close();
  });
  const models = await definition.models(db);
  await Promise.all(Object.values(db.models).map((model) => model.init()));

  const topic = env.topic;
  await createTopics(env.kafkaBrokers, definition.topics.map(topic), 3);
  const log = pino({ level: 'silent' });
  const kafka = createKafka({
    brokers: env.kafkaBrokers,
    clientId: `${env.id}-${definition.name}`,
  });
  const relay = new OutboxRelay({
    kafka,
    connection: db,
    source: definition.name,
    sources: definition.relaySources?.(topic) ?? [],
    log,
    pollMs: 100,
  });
  if (options.relay ?? true) relay.start();
  closers.push(() => relay.stop());

  const clock = { offsetMs: 0 };
  const ctx: ServiceContext<C, M> = {
    name: definition.name,
    config,
    log,
    db,
    kafka,
    models,
    wake: () => {
      relay.wake();
    },
    topic,
    group: (name) => `${env.id}-${name}`,
    now: () => new Date(Date.now() + clock.offsetMs),
  };
  const deps = await definition.deps(ctx);
  if (options.components ?? true) {
    const components = definition.components?.(ctx, deps) ?? [];
    for (const component of components) {
      await component.start();
      closers.push(async () => component.stop());
    }
    // Consumers that say when they have joined their groups: the tests start after that.
    await Promise.all(components.map((component) => component.ready?.() ?? Promise.resolve()));
  }
  const auth = await testAuth();
  const app = await definition.buildApp(deps, {
    auth: auth.verifier,
    strictErrorCodes: true,
    rateLimit: false,
  });
  closers.push(() => app.close());
  return {
    env,
    app,
    deps,
    ctx,
    db,
    models,
    clock,
    topic,
    flush: () => relay.drain(),
    as: (who: Who | null) => caller(app, who),
    close,
  };
}

function ownDatabaseUrl(fileDbUrl: string, service: string): string {
  const url = new URL(fileDbUrl);
  url.pathname = `${url.pathname}_${service.replace(/[^a-z0-9]/gi, '')}`;
  return url.toString();
}
