// Test harness: a whole notifier in-process (consumers, dispatcher, HTTP) on this file's database and topics.
import { randomBytes } from 'node:crypto';
import {
  createTokenVerifier,
  generateKeyPair,
  mint,
  type PrincipalInput,
} from '@lianxin/platform/auth';
import { connectDb } from '@lianxin/platform/db';
import type { App } from '@lianxin/platform/http';
import { createKafka, encodeEnvelope, EVENT_PRODUCER } from '@lianxin/platform/messaging';
import { createTopics, testEnv, type TestEnv } from '@lianxin/testing';
import type { Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import { buildApp } from '../app.ts';
import { deliveryRepository } from '../deliveries/delivery.repository.ts';
import type { DeliveryDoc } from '../deliveries/delivery.model.ts';
import { Dispatcher } from '../deliveries/dispatch-deliveries.ts';
import { createMailer, sendDelivery, type Mailer } from '../deliveries/send-delivery.ts';
import { loadTemplates } from '../email/template.repository.ts';
import { createDeps, type Deps } from '../shared/deps.ts';
import {
  CONSUMED,
  notifierConsumers,
  topicsFor,
  type RunningConsumer,
  type TopicName,
} from '../shared/messaging.ts';
import { createModels, type Models } from '../shared/models.ts';
import type { TestEnvelope } from './events.ts';

export interface HarnessOptions {
  /** Default: the shared MailDev of the test run. */
  smtpUrl?: string;
  /** A database of its own (suffix to the file's); harnesses with the same suffix share one. */
  dbSuffix?: string;
  maxAttempts?: number;
  backoffMs?: number;
  backoffMaxMs?: number;
  pollMs?: number;
  /** Start the Kafka consumers (default true). */
  consumers?: boolean;
}

export interface Harness {
  env: TestEnv;
  conn: Connection;
  models: Models;
  deps: Deps;
  app: App;
  dispatcher: Dispatcher;
  topics: Record<TopicName, string>;
  unsubscribeSecret: string;
  publish: (topic: TopicName, events: TestEnvelope | TestEnvelope[], key?: string) => Promise<void>;
  token: (claims: PrincipalInput) => Promise<string>;
  coordinator: () => Promise<string>;
  deliveries: (
    filter?: Partial<
      Pick<
        DeliveryDoc,
        'template' | 'status' | 'eventId' | 'sessionId' | 'registrationId' | 'recipient'
      >
    >,
  ) => Promise<DeliveryDoc[]>;
  /** Stops consumers, dispatcher and app; `drop` also deletes the database. */
  close: (opts?: { drop?: boolean }) => Promise<void>;
}

const topicsReady = new Map<string, Promise<void>>();
const SECRET = randomBytes(32).toString('hex');

function ensureFileTopics(env: TestEnv, topics: Record<TopicName, string>): Promise<void> {
  let ready = topicsReady.get(env.topicPrefix);
  if (ready === undefined) {
    ready = createTopics(
      env.kafkaBrokers,
      CONSUMED.map((t) => topics[t]),
    );
    topicsReady.set(env.topicPrefix, ready);
  }
  return ready;
}

let producer: Promise<Producer> | undefined;
function sharedProducer(env: TestEnv): Promise<Producer> {
  producer ??= (async () => {
    const p = createKafka({
      brokers: env.kafkaBrokers,
      clientId: `pub-${env.id}`,
      log: pino({ level: 'silent' }),
    }).producer(EVENT_PRODUCER);
    await p.connect();
    return p;
  })();
  return producer;
}

/** Key as the producers do: registrations by session id, everything else by subject. */
function keyOf(event: TestEnvelope): string {
  const data: unknown = event.data;
  if (
    event.type.startsWith('registration') ||
    event.type.startsWith('attendance') ||
    event.type.startsWith('feedback')
  ) {
    return (data as { sessionId: string }).sessionId;
  }
  return event.subject;
}

export async function startNotifier(fileUrl: string, opts: HarnessOptions = {}): Promise<Harness> {
  const env = testEnv(fileUrl);
  const topics = topicsFor(env.topicPrefix);
  await ensureFileTopics(env, topics);
  const dbName = opts.dbSuffix === undefined ? env.dbName : `${env.dbName}_${opts.dbSuffix}`;
  const conn = await connectDb({ url: env.dbUrl, dbName, poolSize: 20 });
  const models = await createModels(conn);
  const log = pino({ level: 'silent' });
  const templates = loadTemplates();
  const from = { name: '连心', email: 'noreply@lianxin.local' };
  const smtpUrl = opts.smtpUrl ?? `smtp://${env.smtp.host}:${env.smtp.port}`;
  const mailer: Mailer = createMailer({ url: smtpUrl, poolSize: 5 });
  const now = () => new Date();
  const dispatcher = new Dispatcher({
    store: deliveryRepository(models.deliveries, models.claims),
    send: (doc) =>
      sendDelivery(
        {
          mailer,
          templates,
          from,
          now,
          settings: {
            maxAttempts: opts.maxAttempts ?? 5,
            backoffMs: opts.backoffMs ?? 200,
            backoffMaxMs: opts.backoffMaxMs ?? 2_000,
          },
        },
        doc,
      ),
    log,
    now,
    pollMs: opts.pollMs ?? 100,
    concurrency: 5,
  });
  const deps = createDeps(models, {
    templates,
    wake: () => {
      dispatcher.wake();
    },
    now,
    log,
    settings: { publicUrl: 'http://127.0.0.1:4104', unsubscribeSecret: SECRET, from },
  });
  dispatcher.start();

  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: `notifier-${env.id}`, log });
  const consumers: RunningConsumer[] =
    opts.consumers === false
      ? []
      : notifierConsumers({
          kafka,
          deps,
          topics,
          groupPrefix: `${env.topicPrefix}${opts.dbSuffix ?? ''}`,
          log,
        });
  await Promise.all(consumers.map((c) => c.start()));
  await Promise.all(consumers.map((c) => c.joined()));

  const keys = await generateKeyPair();
  const auth = await createTokenVerifier({
    publicKey: keys.publicKey,
    issuer: 'lianxin',
    audience: 'lianxin-api',
  });
  const app = await buildApp(deps, { auth, rateLimit: false });
  await app.ready();
  const token = (claims: PrincipalInput) =>
    mint(claims, { privateKey: keys.privateKey, expiresIn: '2h' });

  return {
    env,
    conn,
    models,
    deps,
    app,
    dispatcher,
    topics,
    unsubscribeSecret: SECRET,
    token,
    coordinator: () => token({ sub: 'coord-test', role: 'coordinator', name: '协调员' }),
    async publish(topic, events, key) {
      const list = Array.isArray(events) ? events : [events];
      const p = await sharedProducer(env);
      await p.send({
        topic: topics[topic],
        acks: -1,
        messages: list.map((e) => encodeEnvelope(e as never, key ?? keyOf(e))),
      });
    },
    deliveries: (filter = {}) => models.deliveries.find(filter).lean<DeliveryDoc[]>(),
    async close(closeOpts = {}) {
      await app.close();
      await Promise.all(consumers.map((c) => c.stop()));
      await dispatcher.stop();
      mailer.close();
      if (closeOpts.drop ?? true) await conn.dropDatabase();
      await conn.close();
    },
  };
}

/** Polls `read` until `done` holds for its value; fails with the last value seen. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 2000)}`,
      );
    await new Promise((r) => setTimeout(r, 150));
  }
}
