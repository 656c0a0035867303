// Kafka entry of this replica's search index: content's own bulletin.changed → re-read that bulletin (ADR 036).
import { randomUUID } from 'node:crypto';
import { EventConsumer } from '@lianxin/platform/messaging';
import type { BackgroundTask, Component, ServiceContext } from '@lianxin/platform/service';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { ContentConfig } from '../config.ts';
import type { Deps } from '../shared/deps.ts';
import { BULLETIN_CHANGES } from '../shared/messaging.ts';
import { BULLETIN_CHANGED, BulletinChanged } from './bulletin.events.ts';
import { buildSearchIndex } from './build-search-index.ts';
import { indexBulletin } from './index-bulletin.ts';
import { retireSearchKeys } from './retire-search-keys.ts';

const SearchEvents = { [BULLETIN_CHANGED]: BulletinChanged };

export interface SearchConsumerOptions {
  kafka: Kafka;
  topic: string;
  /** A group of this replica's own: every replica's index must see every event. */
  groupId: string;
  log: Logger;
  deps: Pick<Deps, 'bulletins' | 'search'>;
}

export function searchConsumer(opts: SearchConsumerOptions): EventConsumer<typeof SearchEvents> {
  return new EventConsumer({
    kafka: opts.kafka,
    groupId: opts.groupId,
    topics: [opts.topic],
    events: SearchEvents,
    // A new group reads the topic from its start: every change since the retention began, so
    // none made while the index was being built is missed; what the build already holds is
    // skipped by revision without a read. No dedupe marks: the handler is idempotent.
    fromBeginning: true,
    partitionsConsumedConcurrently: 3,
    log: opts.log,
    handle: async (event) => {
      await indexBulletin(opts.deps, event.data.id, event.data.revision);
    },
  });
}

/**
 * This replica's search index as a component: after start it builds the index from the
 * database, then follows bulletin.changed in a consumer group of its own (a random suffix:
 * replicas must not share the events out), deleted again on stop. Neither holds listening:
 * searches go to the database until the index is built, `ready()` (the test harness) and
 * `searchIndexBuilt` (`/readyz`) wait for it.
 */
export function searchIndexComponent(
  ctx: ServiceContext<ContentConfig, unknown>,
  deps: Pick<Deps, 'bulletins' | 'search'>,
): Component {
  const log = ctx.log.child({ component: 'search-index' });
  const groupId = ctx.group(`${ctx.config.SEARCH_CONSUMER_GROUP}-${randomUUID().slice(0, 8)}`);
  const consumer = searchConsumer({
    kafka: ctx.kafka,
    topic: ctx.topic(BULLETIN_CHANGES),
    groupId,
    log,
    deps,
  });
  const stopping = new AbortController();
  let consuming = false;
  let started = false;
  let running: Promise<void> = Promise.resolve();
  // Until it is built, searches go to the database; a failed build is tried again.
  const build = async (): Promise<void> => {
    for (let attempt = 1; !stopping.signal.aborted; attempt++) {
      try {
        log.info(await buildSearchIndex(deps), 'search index built');
        return;
      } catch (err) {
        const retryInMs = Math.min(30_000, 500 * 2 ** attempt);
        log.error({ err, attempt, retryInMs }, 'search index build failed');
        await sleep(retryInMs, stopping.signal);
      }
    }
  };
  return {
    name: 'search index',
    start: () => {
      running = (async () => {
        await build();
        if (stopping.signal.aborted) return;
        consuming = true;
        await consumer.start();
        started = true;
        void consumer.joined().then(() => {
          deps.search.markFollowing();
        });
        // The database search no longer uses the old key arrays: remove them in the background.
        void retireSearchKeys(deps, stopping.signal).then(
          (retired) => {
            if (retired.bulletins > 0 || retired.indexes.length > 0)
              log.info(retired, 'search index: retired the old bigram keys');
          },
          (err: unknown) => {
            log.warn({ err }, 'search index: old bigram keys not retired (tried again next start)');
          },
        );
      })().catch((err: unknown) => {
        log.error({ err }, 'search index consumer failed to start');
      });
    },
    // Built, and following the events: what a test starts on.
    ready: async () => {
      await running;
      if (started) await consumer.joined();
    },
    stop: async () => {
      stopping.abort();
      // A build in flight is not waited for: it sees the abort and starts no consumer.
      if (!consuming) return;
      await running;
      await consumer.stop();
      const admin = ctx.kafka.admin();
      try {
        await admin.connect();
        await admin.deleteGroups([groupId]);
      } catch (err) {
        log.warn({ err, groupId }, 'search index: consumer group not deleted');
      } finally {
        await admin.disconnect();
      }
    },
  };
}

/** For `/readyz`: pending until this replica's search index is built and following the events. */
export function searchIndexBuilt(deps: Pick<Deps, 'search'>): BackgroundTask {
  return {
    name: 'search index: built and following',
    run: (signal) =>
      new Promise<void>((resolve, reject) => {
        signal.addEventListener('abort', () => {
          reject(new Error('stopped'));
        });
        void deps.search.following.then(resolve);
      }),
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
