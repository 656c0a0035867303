// Rebuild: drop the facts and replay every topic with a fresh consumer group until it reaches where the topics stood.
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { factConsumer } from './fact.consumer.ts';
import type { FactRepository } from './fact.repository.ts';
import { highWatermarks, measureLag } from './measure-lag.ts';

export interface RebuildOptions {
  kafka: Kafka;
  conn: Connection;
  topics: string[];
  /** The live group's name; the replay runs as `<group>-rebuild-<time>` and is deleted after. */
  baseGroup: string;
  facts: FactRepository;
  log: Logger;
  timeoutMs?: number;
  now?: () => Date;
}

export async function rebuildFacts(opts: RebuildOptions): Promise<{ group: string; ms: number }> {
  const started = performance.now();
  const now = opts.now?.() ?? new Date();
  const group = `${opts.baseGroup}-rebuild-${now.getTime()}`;
  // Where the topics stand now: the replay is done once the fresh group has committed this far.
  const targets = await highWatermarks(opts.kafka, opts.topics);
  await opts.facts.dropAll();
  const consumer = factConsumer({ ...opts, groupId: group });
  await consumer.start();
  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  try {
    for (;;) {
      const lag = await measureLag(opts.kafka, group, opts.topics, targets);
      if (lag.total === 0) break;
      if (Date.now() > deadline) throw new Error(`rebuild: still ${lag.total} behind at timeout`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await consumer.stop();
  }
  const admin = opts.kafka.admin();
  await admin.connect();
  // The replay's group has no further use; its dedupe marks age out with the prune job.
  await admin.deleteGroups([group]).catch((err: unknown) => {
    opts.log.warn({ err, group }, 'rebuild: replay group not deleted');
  });
  await admin.disconnect();
  const ms = Math.round(performance.now() - started);
  opts.log.info({ group, ms }, 'rebuild finished');
  return { group, ms };
}
