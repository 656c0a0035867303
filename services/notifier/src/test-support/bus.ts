// What the notifier's tests do around the kit's harness: the test environment, publishing events as producers would, reading deliveries, waiting.
import { randomBytes } from 'node:crypto';
import { createKafka, encodeEnvelope, EVENT_PRODUCER } from '@lianxin/platform/messaging';
import type { ServiceHarness } from '@lianxin/testing';
import type { Producer } from 'kafkajs';
import type { NotifierConfig } from '../config.ts';
import type { DeliveryDoc } from '../deliveries/delivery.model.ts';
import type { Deps } from '../shared/deps.ts';
import { CONSUMED, type TopicName } from '../shared/messaging.ts';
import type { Models } from '../shared/models.ts';
import type { TestEnvelope } from './events.ts';

export type Harness = ServiceHarness<NotifierConfig, Models, Deps>;

/**
 * The notifier's own settings in tests: `serviceHarness(import.meta.url, notifierService,
 * { env: notifierEnv() })`; overrides (a private SMTP server, fewer attempts) as the argument.
 */
export function notifierEnv(overrides: Record<string, string> = {}): {
  env: Record<string, string>;
} {
  return {
    env: {
      UNSUBSCRIBE_SECRET: SECRET,
      DISPATCH_POLL_MS: '100',
      // Retries fall due within 200 ms here: no idle back-off (the WorkLoop's own tests cover it).
      DISPATCH_IDLE_POLL_MS: '100',
      DELIVERY_MAX_ATTEMPTS: '5',
      DELIVERY_BACKOFF_MS: '200',
      DELIVERY_BACKOFF_MAX_MS: '2000',
      ...overrides,
    },
  };
}
const SECRET = randomBytes(32).toString('hex');

// One producer per test file, left to the file's process exit like the broker's other clients.
let producer: Promise<Producer> | undefined;
function sharedProducer(h: Harness): Promise<Producer> {
  producer ??= (async () => {
    const p = createKafka({ brokers: h.env.kafkaBrokers, clientId: `pub-${h.env.id}` }).producer(
      EVENT_PRODUCER,
    );
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

/** Publishes events to this file's topic as their producer would (acks from all replicas). */
export async function publish(
  h: Harness,
  topic: TopicName,
  events: TestEnvelope | TestEnvelope[],
  key?: string,
): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  const p = await sharedProducer(h);
  await p.send({
    topic: h.topic(CONSUMED[topic]),
    acks: -1,
    messages: list.map((e) => encodeEnvelope(e as never, key ?? keyOf(e))),
  });
}

type DeliveryFilter = Partial<
  Pick<
    DeliveryDoc,
    'template' | 'status' | 'eventId' | 'sessionId' | 'registrationId' | 'recipient'
  >
>;

/** The stored deliveries matching `filter`. */
export function deliveries(h: Harness, filter: DeliveryFilter = {}): Promise<DeliveryDoc[]> {
  return h.models.deliveries.find(filter).lean<DeliveryDoc[]>();
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
