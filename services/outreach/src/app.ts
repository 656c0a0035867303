// The outreach service's HTTP app: the platform's Fastify with the session, registration, attendance and opinion routes. Never listens.
import { createApp, type App } from '@lianxin/platform/http';
import type { HttpOptions } from '@lianxin/platform/service';
import { attendanceRoutes } from './attendance/routes.ts';
import { opinionRoutes } from './opinions/routes.ts';
import { registrationRoutes } from './registrations/routes.ts';
import type { Deps } from './shared/deps.ts';
import { sessionRoutes } from './sessions/routes.ts';

export async function buildApp(deps: Deps, http: HttpOptions): Promise<App> {
  const app = await createApp({
    ...http,
    docs: { title: 'Lianxin outreach API (连心·活动与报名)', version: '0.1.0' },
  });
  // Requests wait for the collections and indexes (after a crash they may lag the listen); probes do not.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/healthz') && !request.url.startsWith('/readyz')) {
      await deps.collections;
    }
  });
  sessionRoutes(app, deps);
  registrationRoutes(app, deps);
  attendanceRoutes(app, deps);
  opinionRoutes(app, deps);
  return app;
}
