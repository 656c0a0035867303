// Publishes the events waiting in aggregates' outboxes, in order per aggregate, and removes them once acknowledged.
//
// Claim → publish → release, a batch of aggregates at a time:
// - claim: a conditional update sets a lease (owner, until) only if none is held or it expired,
//   so two relays never publish the same aggregate at once;
// - publish: all pending events in sequence order, `acks: all`, idempotent producer;
// - release: removes exactly the published events (`$pullAll` of them, while holding the
//   lease; a rewrite conditioned on `version` if a value failed to match), and clears
//   `outboxPending` unless events were appended meanwhile.
// A crash between publish and release leaves the events in place: once the lease expires
// another relay publishes them again, and consumers skip what they already applied.
//
// Finding work is an equality on `outboxPending` (see outbox.ts), served by an index, so an idle
// poll costs the same whatever the number of aggregates; polls also slow down while idle
// (`pollMs` doubling up to `idlePollMs`), and a wake() after a write makes the next one at once.
import { randomUUID } from 'node:crypto';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { isDuplicateKey } from '../db/index.ts';
import { EVENT_PRODUCER } from './kafka.ts';
import { messagesOf, type RelaySource } from './relay-messages.ts';
import { releaseOutbox } from './release.ts';

export type { RelaySource } from './relay-messages.ts';

import { asOutboxDoc, type AggregateId, type Coll, type OutboxDoc } from './release.ts';

/** The collection of marks saying a source's pre-`outboxPending` documents have been flagged. */
export const FLAGGED_MARKS = 'outbox_flagged';

/** The `$or` branches of an aggregate nobody holds: no lease, or one that expired before `now`. */
const leaseFree = (now: Date) => [{ outboxLeaseUntil: null }, { outboxLeaseUntil: { $lt: now } }];

export interface RelayOptions {
  kafka: Kafka;
  connection: Connection;
  /** The `source` of every envelope: the service's name. */
  source: string;
  sources: RelaySource[];
  log: Logger;
  /** How long a claim is held; must exceed a publish's worst case. */
  leaseMs?: number;
  /** How often it scans for pending events when nobody woke it. */
  pollMs?: number;
  /** Longest wait between polls after empty ones (the interval doubles from `pollMs`); default 5 × pollMs. */
  idlePollMs?: number;
  /** Aggregates claimed per scan. */
  batchSize?: number;
  /** Longest wait between attempts while the broker fails. */
  maxBackoffMs?: number;
  /** How long an aggregate whose events cannot be encoded is passed over before a retry. Default 60 s. */
  unencodableRetryMs?: number;
  /** Called between a publish and the removal of what it published: the crash drill's seam. */
  afterPublish?: (aggregateId: string) => Promise<void>;
}

export interface RelayStats {
  published: number;
  failures: number;
  /** Aggregates held back because their events could not be made into messages (see publish). */
  heldBack: number;
}

export class OutboxRelay {
  readonly owner = `relay-${randomUUID()}`;
  readonly stats: RelayStats = { published: 0, failures: 0, heldBack: 0 };
  private readonly producer: Producer;
  private readonly leaseMs: number;
  private readonly unencodableRetryMs: number;
  private readonly pollMs: number;
  private readonly idlePollMs: number;
  private readonly batchSize: number;
  /** Sources whose documents from before `outboxPending` existed have been flagged. */
  private readonly flagged = new Set<string>();
  private readonly maxBackoffMs: number;
  private connected = false;
  private running = false;
  private woken = false;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(private readonly opts: RelayOptions) {
    this.producer = opts.kafka.producer(EVENT_PRODUCER);
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.unencodableRetryMs = opts.unencodableRetryMs ?? 60_000;
    this.pollMs = opts.pollMs ?? 1_000;
    this.idlePollMs = Math.max(this.pollMs, opts.idlePollMs ?? this.pollMs * 5);
    this.batchSize = opts.batchSize ?? 50;
    this.maxBackoffMs = opts.maxBackoffMs ?? 5_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Call right after a write that appended events: the relay scans now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Finishes the batch in hand, then stops and disconnects. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    if (this.connected) await this.producer.disconnect().catch(() => undefined);
    this.connected = false;
  }

  /** Publishes everything pending now (for tests and scripts); returns how many events went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.scanOnce();
      total += n;
      if (n > 0) continue;
      // Nothing claimed may only mean the running loop claimed this pass's candidates first (a
      // whole batch at a time): done only once nothing is pending that is free or ours.
      if (!(await this.anyPendingForUs())) return total;
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
    }
  }

  /** Whether an aggregate waits with its lease free, expired, or held by this relay. */
  private async anyPendingForUs(): Promise<boolean> {
    for (const source of this.opts.sources) {
      const found = await this.collection(source.collection).findOne(
        {
          outboxPending: true,
          $or: [...leaseFree(new Date()), { outboxLeaseOwner: this.owner }],
        },
        { projection: { _id: 1 } },
      );
      if (found) return true;
    }
    return false;
  }

  private async run(): Promise<void> {
    let backoff = 0;
    let idle = this.pollMs;
    while (this.isRunning()) {
      const woken = this.woken;
      this.woken = false;
      let published = 0;
      try {
        published = await this.scanOnce();
        backoff = 0;
        idle = published > 0 || woken ? this.pollMs : Math.min(this.idlePollMs, idle * 2);
      } catch (err) {
        this.stats.failures += 1;
        backoff = Math.min(this.maxBackoffMs, backoff === 0 ? 200 : backoff * 2);
        this.opts.log.warn(
          { err, retryInMs: backoff },
          'outbox relay: publish failed; events stay pending',
        );
      }
      if (!this.isRunning()) break;
      if (published > 0 && backoff === 0) continue;
      await this.sleep(backoff > 0 ? backoff : idle, backoff > 0);
    }
  }

  /** Read through a method: stop() flips it while the loop awaits. */
  private isRunning(): boolean {
    return this.running;
  }

  private sleep(ms: number, ignoreWake: boolean): Promise<void> {
    if (this.woken && !ignoreWake) return Promise.resolve();
    return new Promise((resolvePromise) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolvePromise();
      }
      this.wakeUp = () => {
        if (!ignoreWake || !this.running) done();
      };
    });
  }

  private collection(name: string): Coll {
    const db = this.opts.connection.db;
    if (!db) throw new Error('outbox relay: database connection is not open');
    return db.collection(name);
  }

  /** One pass over every source; returns the number of events published. */
  private async scanOnce(): Promise<number> {
    let published = 0;
    for (const source of this.opts.sources) {
      if (!this.running && this.loop !== undefined) return published;
      const coll = this.collection(source.collection);
      await this.flagOlderDocuments(source.collection, coll);
      const candidates = await coll
        .find(
          {
            outboxPending: true,
            $or: leaseFree(new Date()),
          },
          { projection: { _id: 1 }, limit: this.batchSize },
        )
        .toArray();
      if (candidates.length > 0) published += await this.relayBatch(coll, source, candidates);
    }
    return published;
  }

  /**
   * Once per source and database: flags aggregates whose events were written before
   * `outboxPending` existed. Finding them is a scan of the whole collection (`$ne`/`$gt` are
   * not index-served), which at 50,000 aggregates cost FerretDB seconds of CPU at every relay
   * start; so once done a mark (`FLAGGED_MARKS`, by `_id`) says so, and later starts read only
   * the mark. Every write since `outboxPending` exists sets it (`withEvents`), so nothing
   * unflagged appears after the mark — except from a process of the version before it, during
   * a rolling upgrade, whose own relay still publishes what it wrote.
   */
  private async flagOlderDocuments(name: string, coll: Coll): Promise<void> {
    if (this.flagged.has(name)) return;
    const marks = this.collection(FLAGGED_MARKS);
    const mark = `outboxPending:${name}`;
    if (!(await marks.findOne({ _id: mark }, { projection: { _id: 1 } }))) {
      const older = await coll
        .find({ outboxCount: { $gt: 0 }, outboxPending: { $ne: true } }, { projection: { _id: 1 } })
        .toArray();
      for (const { _id } of older) {
        await coll.updateOne({ _id, outboxCount: { $gt: 0 } }, { $set: { outboxPending: true } });
      }
      try {
        await marks.updateOne({ _id: mark }, { $set: { at: new Date() } }, { upsert: true });
      } catch (err) {
        // Another relay marked it at the same moment.
        if (!isDuplicateKey(err)) throw err;
      }
    }
    this.flagged.add(name);
  }

  /**
   * Claims the candidates (the claims in flight together), publishes every claimed aggregate's
   * events in one `sendBatch` — each aggregate's events stay in order on its key's partition —
   * then releases each. One broker round trip per batch instead of one per aggregate.
   */
  private async relayBatch(
    coll: Coll,
    source: RelaySource,
    candidates: { _id: AggregateId }[],
  ): Promise<number> {
    const claimed = (await Promise.all(candidates.map(({ _id }) => this.claim(coll, _id)))).filter(
      (doc): doc is OutboxDoc => doc !== undefined,
    );
    if (claimed.length === 0) return 0;
    // empty when a relay died between removing the events and clearing the flag
    let withEvents = claimed.filter((doc) => doc.outbox.length > 0);
    let released = claimed;
    try {
      const unencodable = withEvents.length > 0 ? await this.publish(source, withEvents) : [];
      if (unencodable.length > 0) {
        const held = new Set(unencodable);
        this.stats.heldBack += held.size;
        await Promise.all(unencodable.map((doc) => this.holdBack(coll, doc._id)));
        withEvents = withEvents.filter((doc) => !held.has(doc));
        released = claimed.filter((doc) => !held.has(doc));
      }
    } catch (err) {
      // Give the leases back at once so the next attempt (ours or another relay's) needn't wait them out.
      await Promise.all(
        claimed.map(({ _id }) =>
          coll
            .updateOne(
              { _id, outboxLeaseOwner: this.owner },
              { $set: { outboxLeaseOwner: null, outboxLeaseUntil: null } },
            )
            .catch(() => undefined),
        ),
      );
      throw err;
    }
    // Counted once acknowledged, before the releases: a reader that sees the outboxes empty
    // then sees these events in the stats too.
    const sentCount = withEvents.reduce((n, doc) => n + doc.outbox.length, 0);
    this.stats.published += sentCount;
    await Promise.all(
      released.map(async (doc) => {
        const sent = new Set(doc.outbox.map((e) => e.id));
        await this.opts.afterPublish?.(String(doc._id));
        await releaseOutbox({
          coll,
          id: doc._id,
          owner: this.owner,
          seen: doc,
          sent,
          log: this.opts.log,
        });
      }),
    );
    return sentCount;
  }

  /** The aggregate with its lease taken by this relay, or undefined when another has it or it drained. */
  private async claim(coll: Coll, id: AggregateId): Promise<OutboxDoc | undefined> {
    const now = new Date();
    const claimed = await coll.findOneAndUpdate(
      {
        _id: id,
        outboxPending: true,
        $or: leaseFree(now),
      },
      {
        $set: {
          outboxLeaseOwner: this.owner,
          outboxLeaseUntil: new Date(now.getTime() + this.leaseMs),
        },
      },
      { returnDocument: 'after' },
    );
    return claimed ? asOutboxDoc(claimed) : undefined;
  }

  /**
   * Publishes the docs' events in one `sendBatch`; returns the docs whose events could not be
   * made into messages (their source's `expand`, `topicFor` or `keyFor` threw), which were left
   * out so that one bad aggregate does not hold back the batch.
   */
  private async publish(source: RelaySource, docs: OutboxDoc[]): Promise<OutboxDoc[]> {
    if (!this.connected) {
      await this.producer.connect();
      this.connected = true;
    }
    const byTopic = new Map<string, Message[]>();
    const unencodable: OutboxDoc[] = [];
    for (const doc of docs) {
      let messages: [string, Message][];
      try {
        messages = messagesOf(source, this.opts.source, doc);
      } catch (err) {
        // Only the id and the types: event data may hold personal data and is never logged.
        this.opts.log.error(
          {
            err,
            collection: source.collection,
            aggregateId: String(doc._id),
            types: doc.outbox.map((e) => e.type),
            retryInMs: this.unencodableRetryMs,
          },
          'outbox relay: an aggregate’s events could not be made into messages; held back, the rest of the batch goes on',
        );
        unencodable.push(doc);
        continue;
      }
      for (const [topic, message] of messages) {
        const list = byTopic.get(topic) ?? [];
        list.push(message);
        byTopic.set(topic, list);
      }
    }
    if (byTopic.size > 0) {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    }
    return unencodable;
  }

  /**
   * Leaves an aggregate whose events cannot be encoded to a lease no relay owns until the retry
   * time, so the next scans (and `drain`) pass over it instead of failing on it every poll.
   */
  private async holdBack(coll: Coll, id: AggregateId): Promise<void> {
    await coll.updateOne(
      { _id: id, outboxLeaseOwner: this.owner },
      {
        $set: {
          outboxLeaseOwner: `held-back:${this.owner}`,
          outboxLeaseUntil: new Date(Date.now() + this.unencodableRetryMs),
        },
      },
    );
  }
}
