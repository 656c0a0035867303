// The notifier as the platform runs it (main.ts) and the test kit builds it: models, topics, deps, app, worker, jobs, demo.
import { PeriodicJob } from '@lianxin/platform/jobs';
import { defineService, jobComponent, type Component } from '@lianxin/platform/service';
import { buildApp } from './app.ts';
import { loadNotifierConfig } from './config.ts';
import { deliveryRetentionJob } from './deliveries/prune-deliveries.ts';
import { sendWeeklyDigest } from './digest/send-weekly-digest.ts';
import { createDeps } from './shared/deps.ts';
import { notifierConsumers, TOPICS } from './shared/messaging.ts';
import { createModels } from './shared/models.ts';

export const notifierService = defineService({
  name: 'notifier',
  config: loadNotifierConfig,
  models: createModels,
  topics: TOPICS,
  deps: createDeps,
  buildApp,
  // Started in this order, stopped in reverse: the jobs and consumers stop first, then the
  // dispatcher finishes the emails in flight, then the SMTP pool closes.
  components: (ctx, deps): Component[] => [
    {
      name: 'dispatcher',
      start: () => {
        deps.dispatcher.start();
      },
      stop: async () => {
        await deps.dispatcher.stop();
        deps.mailer.close();
      },
    },
    ...notifierConsumers(ctx, deps),
    // One replica at a time checks whether a weekly digest is due; the deliveries' keys make a
    // second check (or a second replica) plan nothing twice anyway.
    jobComponent(
      new PeriodicJob({
        name: 'notifier.weekly-digest',
        connection: ctx.db,
        intervalMs: ctx.config.DIGEST_CHECK_MS,
        run: () => sendWeeklyDigest(deps),
        log: ctx.log,
      }),
    ),
    jobComponent(
      deliveryRetentionJob({
        store: deps.deliveries,
        kafka: ctx.kafka,
        topics: TOPICS.map(ctx.topic),
        retentionDays: ctx.config.DELIVERY_RETENTION_DAYS,
        now: ctx.now,
        log: ctx.log,
        connection: ctx.db,
        intervalMs: ctx.config.RETENTION_CHECK_MS,
      }),
    ),
  ],
});
