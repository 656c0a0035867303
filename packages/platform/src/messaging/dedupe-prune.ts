// Prunes consumer dedupe marks (`processed_events`) older than the topics' retention: past it Kafka can't redeliver the event.
// kafkajs is CommonJS and Node's ESM loader does not see ConfigResourceTypes as a named export.
import kafkajs, { type Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { PeriodicJob } from '../jobs/periodic-job.ts';

/** Kafka's default `retention.ms` (7 days), used when a topic's own setting can't be read. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3_600_000;
/** Kept beyond retention: a consumer lagging at the edge may still read an event that old. */
export const RETENTION_MARGIN_MS = 24 * 3_600_000;

/**
 * The longest `retention.ms` among `topics`, or `null` when one keeps messages forever (-1):
 * then any event can be replayed, so no mark may go.
 */
export async function longestRetentionMs(
  kafka: Kafka,
  topics: readonly string[],
): Promise<number | null> {
  if (topics.length === 0) return DEFAULT_RETENTION_MS;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({
        type: kafkajs.ConfigResourceTypes.TOPIC,
        name,
        configNames: ['retention.ms'],
      })),
    });
    let longest = 0;
    for (const resource of resources) {
      const value = resource.configEntries.find(
        (e) => e.configName === 'retention.ms',
      )?.configValue;
      const ms = value === undefined ? DEFAULT_RETENTION_MS : Number(value);
      if (ms < 0) return null;
      longest = Math.max(longest, Number.isFinite(ms) ? ms : DEFAULT_RETENTION_MS);
    }
    return longest;
  } finally {
    await admin.disconnect();
  }
}

export interface DedupePruneOptions {
  connection: Connection;
  kafka: Kafka;
  /** The topics the service's consumers read (their retention bounds what can come back). */
  topics: readonly string[];
  log: Logger;
  /** Default hourly. */
  intervalMs?: number;
  now?: () => Date;
}

/** Deletes the marks older than retention + margin; returns how many went (none when retention is infinite). */
export async function pruneDedupeMarks(
  opts: Omit<DedupePruneOptions, 'intervalMs'>,
): Promise<{ deleted: number; before: Date | null }> {
  const retention = await longestRetentionMs(opts.kafka, opts.topics);
  if (retention === null) return { deleted: 0, before: null };
  const now = opts.now?.() ?? new Date();
  const before = new Date(now.getTime() - retention - RETENTION_MARGIN_MS);
  const db = opts.connection.db;
  if (!db) throw new Error('dedupe prune: database connection is not open');
  const result = await db
    .collection<{ _id: string; at: Date }>('processed_events')
    .deleteMany({ at: { $lt: before } });
  return { deleted: result.deletedCount, before };
}

/** The prune as a periodic job: one pass at a time across replicas (lease `<name>.dedupe-prune`). */
export function dedupePruneJob(name: string, opts: DedupePruneOptions): PeriodicJob {
  return new PeriodicJob({
    name: `${name}.dedupe-prune`,
    connection: opts.connection,
    intervalMs: opts.intervalMs ?? 3_600_000,
    log: opts.log,
    ...(opts.now === undefined ? {} : { now: opts.now }),
    run: async () => {
      const result = await pruneDedupeMarks(opts);
      if (result.deleted > 0) opts.log.info({ ...result }, 'dedupe marks pruned');
      return result;
    },
  });
}
