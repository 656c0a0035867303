// The insights service as the platform runs it (main.ts) and the test kit builds it: fact models, the facts consumer, the app.
import { consumerComponent, defineService } from '@lianxin/platform/service';
import { buildApp } from './app.ts';
import { loadInsightsConfig } from './config.ts';
import { factConsumer } from './facts/fact.consumer.ts';
import { createDeps } from './shared/deps.ts';
import { TOPICS } from './shared/messaging.ts';
import { createModels } from './shared/models.ts';

export const insightsService = defineService({
  name: 'insights',
  config: loadInsightsConfig,
  models: createModels,
  topics: TOPICS,
  deps: createDeps,
  buildApp,
  // The facts follow the four topics from the beginning; the views are computed from them.
  components: (ctx, deps) => [
    consumerComponent(
      'facts consumer',
      factConsumer({
        kafka: ctx.kafka,
        conn: ctx.db,
        topics: deps.consumer.topics,
        groupId: deps.consumer.groupId,
        log: ctx.log.child({ component: 'facts-consumer' }),
        facts: deps.facts,
      }),
    ),
  ],
});
