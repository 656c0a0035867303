// Adapters that turn the platform's long-running parts into lifecycle components and background tasks runService runs.
import type { Logger } from 'pino';
import type { PeriodicJob } from '../jobs/periodic-job.ts';
import type { EventConsumer, EventSchemas } from '../messaging/consumer.ts';
import type { BackgroundTask, Component } from './define-service.ts';

/**
 * A Kafka consumer as a component: started before listening, stopped (offsets committed) after
 * HTTP. With `joinInBackground`, start does not wait for the group join — after a crash the dead
 * member's session must lapse first (up to its session timeout), which must not hold listening;
 * pair it with `joinedTask` so `/readyz` says it is still joining.
 */
export function consumerComponent<M extends EventSchemas>(
  name: string,
  consumer: EventConsumer<M>,
  options: { joinInBackground?: boolean; log?: Logger } = {},
): Component {
  if (options.joinInBackground !== true) {
    return { name, start: () => consumer.start(), stop: () => consumer.stop() };
  }
  let starting: Promise<void> = Promise.resolve();
  return {
    name,
    start: () => {
      starting = consumer.start().catch((err: unknown) => {
        options.log?.error({ err, component: name }, 'consumer failed to start');
      });
    },
    stop: async () => {
      await starting;
      await consumer.stop();
    },
  };
}

/** A background task done once the consumer has joined its group (see `joinInBackground`). */
export function joinedTask<M extends EventSchemas>(
  name: string,
  consumer: EventConsumer<M>,
): BackgroundTask {
  return {
    name: `${name}: joined`,
    run: (signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal.aborted) {
          reject(new Error('stopped'));
          return;
        }
        signal.addEventListener('abort', () => {
          reject(new Error('stopped'));
        });
        void consumer.joined().then(resolve);
      }),
  };
}

/** A periodic job as a component: ticking from start, stopped (its pass finished) after HTTP. */
export function jobComponent(job: PeriodicJob): Component {
  return {
    name: job.status().name,
    start: () => {
      job.start();
    },
    stop: () => job.stop(),
  };
}

/**
 * A background task that is done once the job has finished its first pass (say, the start-up
 * reconcile): `/readyz` lists it as pending until then.
 */
export function firstPassOf(
  job: PeriodicJob,
  options: { blocksReadiness?: boolean } = {},
): BackgroundTask {
  return {
    name: `${job.status().name}: first pass`,
    ...(options.blocksReadiness === undefined ? {} : { blocksReadiness: options.blocksReadiness }),
    run: (signal) =>
      new Promise<void>((resolve, reject) => {
        const poll = setInterval(() => {
          if (signal.aborted) {
            clearInterval(poll);
            reject(new Error('stopped'));
          } else if (job.status().lastOutcome !== null) {
            clearInterval(poll);
            resolve();
          }
        }, 100);
      }),
  };
}
