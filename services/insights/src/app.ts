// The insights service's HTTP app: the platform's Fastify with the coverage, gaps and export routes. Never listens.
import { createApp, type App } from '@lianxin/platform/http';
import type { HttpOptions } from '@lianxin/platform/service';
import { coverageRoutes } from './views/routes.ts';
import type { Deps } from './shared/deps.ts';

export async function buildApp(deps: Deps, http: HttpOptions): Promise<App> {
  const app = await createApp({
    ...http,
    docs: { title: '连心 Lianxin — insights 覆盖分析', version: '0.1.0' },
    // How far the facts are behind the topics: a lagging consumer means stale figures.
    readinessDetails: async () => ({ consumerLag: await deps.lag() }),
  });
  coverageRoutes(app, deps);
  return app;
}
