// An idempotent, validating Kafka consumer: bad messages and exhausted retries go to a dead-letter topic, never nowhere.
//
// For each message, in partition order:
// 1. parse the envelope and validate its data against the event's schema; a message that fails
//    goes to `<topic>.dlq.<group>` at once (retrying cannot fix it);
// 2. skip it if this group already applied that event id (a redelivery);
// 3. run the handler, retrying with exponential backoff; after the last attempt, dead-letter it;
// 4. mark the event id applied, and only then let the offset move on.
// Offsets are committed by kafkajs only for messages whose processing returned, so a crash
// means redelivery, never loss. The event-id mark is a shortcut, not the guarantee: a crash
// between handler and mark redelivers the event, so handlers are idempotent themselves
// (projections by sequence, side effects by a unique key).
import type { Consumer, EachMessagePayload, IHeaders, Kafka, Producer } from 'kafkajs';
import type { Connection, mongo } from 'mongoose';
import type { Logger } from 'pino';
import { EVENT_PRODUCER } from './kafka.ts';
import { AnyEnvelope } from '@lianxin/contracts';
import type { z, ZodType } from 'zod';
import { isDuplicateKey } from '../db/index.ts';
import { dlqHeaders, dlqTopicOf } from './dlq.ts';
import type { Envelope } from './envelope.ts';

export type EventSchemas = Record<string, ZodType>;

/** The envelope of one event of `M`, its data typed by its type. */
export type EventOf<M extends EventSchemas> = {
  [K in keyof M & string]: Envelope<z.output<M[K]>> & { type: K };
}[keyof M & string];

export interface MessageContext {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

export interface ConsumerOptions<M extends EventSchemas> {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  /** The events this consumer handles; other types on its topics are acknowledged and skipped. */
  events: M;
  handle: (event: EventOf<M>, ctx: MessageContext) => Promise<void>;
  log: Logger;
  /** Where applied event ids are remembered; omit for handlers that dedupe by sequence alone. */
  dedupe?: Connection;
  retry?: { attempts?: number; initialMs?: number; maxMs?: number };
  fromBeginning?: boolean;
  /** Partitions processed in parallel (each still in order). */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
}

interface ProcessedMark {
  _id: string;
  at: Date;
}

export class EventConsumer<M extends EventSchemas> {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly attempts: number;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private stopping = false;
  private readonly joinedOnce: Promise<void>;

  constructor(private readonly opts: ConsumerOptions<M>) {
    this.consumer = opts.kafka.consumer({
      groupId: opts.groupId,
      sessionTimeout: opts.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3_000,
    });
    this.producer = opts.kafka.producer(EVENT_PRODUCER);
    this.joinedOnce = new Promise((resolvePromise) => {
      const off = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        off();
        resolvePromise();
      });
    });
    this.attempts = opts.retry?.attempts ?? 5;
    this.initialMs = opts.retry?.initialMs ?? 200;
    this.maxMs = opts.retry?.maxMs ?? 10_000;
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.opts.topics,
      fromBeginning: this.opts.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: this.opts.partitionsConsumedConcurrently ?? 1,
      eachMessage: (payload) => this.process(payload),
    });
  }

  /** Waits for the messages in hand to finish (kafkajs drains before leaving the group), then disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  /** Resolves once this member has joined its group for the first time. */
  joined(): Promise<void> {
    return this.joinedOnce;
  }

  private marks(): mongo.Collection<ProcessedMark> | undefined {
    const db = this.opts.dedupe?.db;
    return db?.collection<ProcessedMark>('processed_events');
  }

  private async process({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const where = { topic, partition, offset: message.offset };
    const parsed = this.parse(message.value);
    if (!parsed.ok) {
      this.opts.log.warn(
        { ...where, reason: parsed.reason },
        'consumer: invalid message dead-lettered',
      );
      await this.deadLetter(topic, partition, message, 'validation', parsed.reason, 0);
      return;
    }
    const event = parsed.event;
    if (event === undefined) return; // a type this consumer does not handle

    const markId = `${this.opts.groupId}:${event.id}`;
    const marks = this.marks();
    if (marks && (await marks.countDocuments({ _id: markId }, { limit: 1 })) > 0) {
      this.opts.log.debug({ ...where, eventId: event.id }, 'consumer: already applied, skipped');
      return;
    }

    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= this.attempts; attempt += 1) {
      try {
        await this.opts.handle(event, { ...where, attempt });
        lastError = undefined;
        break;
      } catch (err) {
        lastError = err instanceof Error ? err : new Error(String(err));
        if (attempt === this.attempts || this.stopping) break;
        const wait = Math.min(this.maxMs, this.initialMs * 2 ** (attempt - 1));
        this.opts.log.warn(
          { ...where, eventId: event.id, attempt, err, retryInMs: wait },
          'consumer: handler failed',
        );
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    if (lastError !== undefined) {
      if (this.stopping) throw lastError; // not processed: the offset stays, the next owner retries
      const reason = lastError.message;
      this.opts.log.error(
        { ...where, eventId: event.id, err: lastError },
        'consumer: handler gave up; dead-lettered',
      );
      await this.deadLetter(topic, partition, message, 'handler', reason, this.attempts);
      return;
    }
    if (marks) {
      await marks.insertOne({ _id: markId, at: new Date() }).catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      });
    }
  }

  private parse(
    value: Buffer | null,
  ): { ok: true; event: EventOf<M> | undefined } | { ok: false; reason: string } {
    if (value === null) return { ok: false, reason: 'empty message' };
    let json: unknown;
    try {
      json = JSON.parse(value.toString('utf8'));
    } catch {
      return { ok: false, reason: 'not JSON' };
    }
    const env = AnyEnvelope.safeParse(json);
    if (!env.success) return { ok: false, reason: `envelope: ${describeIssues(env.error)}` };
    const schema = this.opts.events[env.data.type];
    if (schema === undefined) return { ok: true, event: undefined };
    const data = schema.safeParse(env.data.data);
    if (!data.success)
      return { ok: false, reason: `${env.data.type} data: ${describeIssues(data.error)}` };
    return { ok: true, event: { ...env.data, data: data.data } as EventOf<M> };
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    kind: 'validation' | 'handler',
    reason: string,
    attempts: number,
  ): Promise<void> {
    const headers: IHeaders = {
      ...message.headers,
      ...dlqHeaders({
        topic,
        partition,
        offset: message.offset,
        group: this.opts.groupId,
        kind,
        reason,
        attempts,
      }),
    };
    // If this send fails it throws: the offset does not move and kafkajs redelivers.
    await this.producer.send({
      topic: dlqTopicOf(topic, this.opts.groupId),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
