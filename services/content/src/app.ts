// The content service's HTTP app: the platform's Fastify with bulletin, taxonomy, materials and subscription routes. Never listens.
import { createApp, type App } from '@lianxin/platform/http';
import type { HttpOptions } from '@lianxin/platform/service';
import { BODY_LIMIT_BYTES } from './bulletins/bulletin.schemas.ts';
import { bulletinRoutes } from './bulletins/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import type { Deps } from './shared/deps.ts';
import { subscriptionRoutes } from './subscriptions/routes.ts';
import { taxonomyRoutes } from './taxonomy/routes.ts';

export async function buildApp(deps: Deps, http: HttpOptions): Promise<App> {
  const app = await createApp({
    ...http,
    bodyLimit: BODY_LIMIT_BYTES,
    docs: { title: '连心 Lianxin — content 案例简报', version: '0.1.0' },
  });
  bulletinRoutes(app, deps);
  taxonomyRoutes(app);
  sessionRoutes(app, deps);
  subscriptionRoutes(app, deps);
  return app;
}
