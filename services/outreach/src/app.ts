// buildApp: the outreach HTTP API on the platform's Fastify factory; it never listens (main.ts does).
import { createApp, type App, type CreateAppOptions } from '@lianxin/platform/http';
import { attendanceRoutes } from './attendance/routes.ts';
import { opinionRoutes } from './opinions/routes.ts';
import { registrationRoutes } from './registrations/routes.ts';
import type { Deps } from './shared/deps.ts';
import { sessionRoutes } from './sessions/routes.ts';

export async function buildApp(deps: Deps, options: CreateAppOptions = {}): Promise<App> {
  const app = await createApp({
    docs: { title: 'Lianxin outreach API (连心·活动与报名)', version: '0.1.0' },
    ...options,
  });
  sessionRoutes(app, deps);
  registrationRoutes(app, deps);
  attendanceRoutes(app, deps);
  opinionRoutes(app, deps);
  return app;
}
