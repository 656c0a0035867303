// The outreach service as the platform runs it (main.ts) and the test kit builds it: models, topics, outboxes, deps, app, consumers, jobs, start-up work.
import { Topics } from '@lianxin/contracts';
import {
  consumerComponent,
  defineService,
  firstPassOf,
  jobComponent,
  joinedTask,
  type BackgroundTask,
  type ServiceContext,
} from '@lianxin/platform/service';
import { buildApp } from './app.ts';
import { bankConsumer } from './banks/bank.consumer.ts';
import { loadOutreachConfig, type OutreachConfig } from './config.ts';
import { loadDemoWhenBanksArrive } from './demo/load-demo.ts';
import { createDeps } from './shared/deps.ts';
import { relaySources, TOPICS } from './shared/messaging.ts';
import { createModels, type Models } from './shared/models.ts';

type Ctx = ServiceContext<OutreachConfig, Models>;

// components and background are called with the same context: both see one consumer.
const consumers = new WeakMap<Ctx, ReturnType<typeof bankConsumer>>();
function bankConsumerFor(ctx: Ctx): ReturnType<typeof bankConsumer> {
  const known = consumers.get(ctx);
  if (known) return known;
  const made = bankConsumer(
    ctx,
    ctx.topic(Topics.banks),
    ctx.group(ctx.config.BANK_CONSUMER_GROUP),
  );
  consumers.set(ctx, made);
  return made;
}

export const outreachService = defineService({
  name: 'outreach',
  config: loadOutreachConfig,
  models: createModels,
  topics: TOPICS,
  relaySources,
  deps: createDeps,
  buildApp,
  components: (ctx, deps) => [
    // Joins in the background: after a crash the dead member's session lapses first (up to 30 s).
    consumerComponent('banks consumer', bankConsumerFor(ctx), {
      joinInBackground: true,
      log: ctx.log,
    }),
    jobComponent(deps.jobs.reconcile),
    jobComponent(deps.jobs.sessionCancellations),
  ],
  background: (ctx, deps) => {
    const tasks: BackgroundTask[] = [
      {
        name: 'collections and indexes',
        run: () =>
          deps.collections.catch((err: unknown) => {
            // Without the unique indexes the rules do not hold: stop rather than serve.
            ctx.log.fatal({ err }, 'collections and indexes could not be created');
            process.exitCode = 1;
            process.kill(process.pid, 'SIGTERM');
            throw err;
          }),
      },
      // /readyz lists the start-up reconcile (and the first cancellations pass) until they finish.
      firstPassOf(deps.jobs.reconcile),
      firstPassOf(deps.jobs.sessionCancellations),
    ];
    if (consumers.has(ctx)) tasks.push(joinedTask('banks consumer', bankConsumerFor(ctx)));
    if (ctx.config.LOAD_DEMO)
      tasks.push({ name: 'demo', run: (signal) => loadDemoWhenBanksArrive(deps, signal) });
    return tasks;
  },
});
