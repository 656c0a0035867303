// The transactional outbox without transactions: an aggregate's new events live in its own document.
//
// A write changes the aggregate and appends its events in ONE single-document
// update (so both happen or neither does), and increments `version` by the number
// of events it appends. Event i of the pending list therefore has the sequence
// `version - outbox.length + i + 1` — the aggregate's version right after that
// event — which the relay stamps when it publishes. Writers never need to read the
// version first, so race-prone conditional updates (`confirmed < capacity`) can
// emit events too. Rule: every write that appends k events does `$inc: { version: k }`,
// which `withEvents` guarantees; nothing else touches `version` or `outbox`.
//
// `outboxPending` is true exactly while events wait: set by the same write that appends them,
// cleared by the relay when it has removed the last one. The relay finds pending aggregates by
// equality on it — a query an index serves (FerretDB on PostgreSQL pushes only equality down to
// SQL, ADR 012), so finding the few pending aggregates costs the same among 100 or 50,000.
import { createHash, randomUUID } from 'node:crypto';
import { Schema } from 'mongoose';

/** An event as it waits in the aggregate's document. */
export interface PendingEvent {
  id: string;
  type: string;
  time: string;
  schemaVersion: number;
  data: unknown;
  /**
   * Written into many aggregates by one multi-document update (`newSharedEvent`): `data` is the
   * part common to all, and the relay publishes it under `sharedEventId(id, aggregate)` with the
   * data its source's `expand` builds from the aggregate (relay.ts).
   */
  shared?: true;
}

/** Fields the outbox adds to an aggregate document. */
export interface OutboxFields {
  version: number;
  outbox: PendingEvent[];
  outboxCount: number;
  /** True while events wait (written by `withEvents`/`initialOutbox`, cleared by the relay). */
  outboxPending?: boolean;
  outboxLeaseOwner: string | null;
  outboxLeaseUntil: Date | null;
}

export function newEvent(type: string, data: unknown, schemaVersion = 1): PendingEvent {
  return { id: randomUUID(), type, time: new Date().toISOString(), schemaVersion, data };
}

/**
 * One event for each of many aggregates, appended by ONE `updateMany` (the same value in every
 * document). Each aggregate still gets its own event: the relay derives its id from this one and
 * the aggregate's id (stable, so a re-publish after a crash carries the same id) and its data
 * from the aggregate (`RelaySource.expand`). Sequences come from each aggregate's version as usual.
 */
export function newSharedEvent(type: string, common: unknown, schemaVersion = 1): PendingEvent {
  return { ...newEvent(type, common, schemaVersion), shared: true };
}

/** The id a shared event is published under for one aggregate: a name-based UUID (version 5 layout). */
export function sharedEventId(eventId: string, aggregateId: string): string {
  const h = createHash('sha1').update(`${eventId}/${aggregateId}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Mongoose plugin: the outbox fields and the index the relay's scan uses. */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    version: { type: Number, required: true, default: 0 },
    outbox: { type: [Schema.Types.Mixed], default: [] },
    outboxCount: { type: Number, required: true, default: 0 },
    outboxPending: { type: Boolean, required: true, default: false },
    outboxLeaseOwner: { type: String, default: null },
    outboxLeaseUntil: { type: Date, default: null },
  });
  // serves the relay's scan and claim: `{ outboxPending: true }` (the lease is checked on the few found)
  schema.index({ outboxPending: 1 });
}

type Update = Record<string, unknown> & {
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $set?: Record<string, unknown>;
};

/** Adds `events` to an update of one aggregate: appended to its outbox, version advanced by their count, flagged pending. */
export function withEvents<U extends Update>(update: U, events: PendingEvent[]): U {
  if (events.length === 0)
    throw new Error('withEvents: a state change must emit at least one event');
  const inc = update.$inc ?? {};
  if ('version' in inc || 'outboxCount' in inc)
    throw new Error('withEvents: version is the outbox’s');
  if (update.$set && 'outboxPending' in update.$set) {
    throw new Error('withEvents: outboxPending is the outbox’s');
  }
  return {
    ...update,
    $inc: { ...inc, version: events.length, outboxCount: events.length },
    $push: { ...(update.$push ?? {}), outbox: { $each: events } },
    $set: { ...(update.$set ?? {}), outboxPending: true },
  };
}

/** The outbox fields of a new aggregate created together with its first events. */
export function initialOutbox(events: PendingEvent[]): OutboxFields {
  if (events.length === 0)
    throw new Error('initialOutbox: a new aggregate must emit at least one event');
  return {
    version: events.length,
    outbox: events,
    outboxCount: events.length,
    outboxPending: true,
    outboxLeaseOwner: null,
    outboxLeaseUntil: null,
  };
}

/** The sequence of each pending event, derived from a consistent snapshot of the document. */
export function sequenceOf(doc: Pick<OutboxFields, 'version' | 'outbox'>, index: number): number {
  return doc.version - doc.outbox.length + index + 1;
}
