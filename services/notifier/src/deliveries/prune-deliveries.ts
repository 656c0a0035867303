// Retention: deletes finished deliveries (and their claims) once they are older than the retention and than any replay.
//
// A delivery document is also what makes a redelivered event send nothing (its unique id), so
// one may go only when Kafka can no longer redeliver its event: the cut-off is the longer of the
// configured retention and the consumed topics' retention plus a day. Pending, sending and
// retrying deliveries are never deleted, whatever their age.
import { PeriodicJob } from '@lianxin/platform/jobs';
import { longestRetentionMs, RETENTION_MARGIN_MS } from '@lianxin/platform/messaging';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { DeliveryRepository } from './delivery.repository.ts';

const DAY_MS = 24 * 3_600_000;
const PAGE = 500;

export interface PruneDeliveriesOptions {
  store: DeliveryRepository;
  kafka: Kafka;
  /** The topics the notifier consumes, as this process names them. */
  topics: readonly string[];
  retentionDays: number;
  now: () => Date;
  log: Logger;
}

/** The instant before which a finished delivery may go. */
export function retentionCutoff(now: Date, retentionDays: number, topicRetentionMs: number | null) {
  const replayable = topicRetentionMs === null ? 0 : topicRetentionMs + RETENTION_MARGIN_MS;
  return new Date(now.getTime() - Math.max(retentionDays * DAY_MS, replayable));
}

export async function pruneDeliveries(
  opts: PruneDeliveriesOptions,
  signal?: AbortSignal,
): Promise<{ deleted: number; before: Date }> {
  const topicRetention = await longestRetentionMs(opts.kafka, opts.topics);
  if (topicRetention === null) {
    // A topic that keeps events forever could replay any of them into a fresh consumer group;
    // the groups' committed offsets are then what stops a resend, not the deliveries.
    opts.log.warn({ topics: opts.topics }, 'a consumed topic keeps events forever');
  }
  const before = retentionCutoff(opts.now(), opts.retentionDays, topicRetention);
  let deleted = 0;
  for (;;) {
    if (signal?.aborted === true) break;
    const page = await opts.store.finishedBefore(before, PAGE);
    if (page.length === 0) break;
    const n = await opts.store.deleteFinished(page);
    deleted += n;
    if (page.length < PAGE || n === 0) break;
  }
  return { deleted, before };
}

/** The retention as a periodic job: one pass at a time across replicas (lease `notifier.delivery-retention`). */
export function deliveryRetentionJob(
  opts: PruneDeliveriesOptions & { connection: Connection; intervalMs: number },
): PeriodicJob {
  return new PeriodicJob({
    name: 'notifier.delivery-retention',
    connection: opts.connection,
    intervalMs: opts.intervalMs,
    log: opts.log,
    run: async ({ signal }) => {
      const result = await pruneDeliveries(opts, signal);
      if (result.deleted > 0) opts.log.info(result, 'finished deliveries past retention deleted');
      return result;
    },
  });
}
