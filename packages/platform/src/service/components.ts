// Adapters that turn the platform's long-running parts into lifecycle components and background tasks runService runs.
import type { PeriodicJob } from '../jobs/periodic-job.ts';
import type { EventConsumer, EventSchemas } from '../messaging/consumer.ts';
import type { BackgroundTask, Component } from './define-service.ts';

/** A Kafka consumer as a component: started before listening, stopped (offsets committed) after HTTP. */
export function consumerComponent<M extends EventSchemas>(
  name: string,
  consumer: EventConsumer<M>,
): Component {
  return { name, start: () => consumer.start(), stop: () => consumer.stop() };
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
