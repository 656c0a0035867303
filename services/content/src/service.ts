// The content service as the platform runs it (main.ts) and the test kit builds it: models, topics, outboxes, deps, app, consumer, demo.
import { Topics } from '@lianxin/contracts';
import { consumerComponent, defineService } from '@lianxin/platform/service';
import { buildApp } from './app.ts';
import { loadContentConfig } from './config.ts';
import { searchIndexBuilt, searchIndexComponent } from './bulletins/search.consumer.ts';
import { loadDemo } from './demo/load-demo.ts';
import { sessionConsumer } from './sessions/session.consumer.ts';
import { createDeps } from './shared/deps.ts';
import { relaySources, TOPICS } from './shared/messaging.ts';
import { createModels } from './shared/models.ts';

export const contentService = defineService({
  name: 'content',
  config: loadContentConfig,
  models: createModels,
  topics: TOPICS,
  relaySources,
  deps: createDeps,
  buildApp,
  // The session read model (materials) follows lianxin.sessions.v1; the search index (ADR 036)
  // is built from the database and follows content's own bulletin.changed.
  components: (ctx, deps) => [
    searchIndexComponent(ctx, deps),
    consumerComponent(
      'sessions consumer',
      sessionConsumer({
        kafka: ctx.kafka,
        conn: ctx.db,
        topic: ctx.topic(Topics.sessions),
        groupId: ctx.group(ctx.config.SESSION_CONSUMER_GROUP),
        log: ctx.log.child({ component: 'sessions-consumer' }),
        deps,
      }),
    ),
  ],
  background: (ctx, deps) => [
    searchIndexBuilt(deps),
    ...(ctx.config.LOAD_DEMO ? [{ name: 'demo', run: () => loadDemo(deps) }] : []),
  ],
});
