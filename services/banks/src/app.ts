// The banks service's HTTP app: the platform's Fastify with the bank, branch and liaison routes. Never listens.
import { createApp, type App } from '@lianxin/platform/http';
import type { HttpOptions } from '@lianxin/platform/service';
import { bankRoutes } from './banks/routes.ts';
import { branchRoutes } from './branches/routes.ts';
import { liaisonRoutes } from './liaisons/routes.ts';
import type { Deps } from './shared/deps.ts';

export async function buildApp(deps: Deps, http: HttpOptions): Promise<App> {
  const app = await createApp({
    ...http,
    docs: { title: '连心 Lianxin — banks 合作银行', version: '0.1.0' },
  });
  bankRoutes(app, deps);
  branchRoutes(app, deps);
  liaisonRoutes(app, deps);
  return app;
}
