// buildApp: the notifier's HTTP API on the platform's Fastify factory; it never listens (runService does).
import { createApp, type App } from '@lianxin/platform/http';
import type { HttpOptions } from '@lianxin/platform/service';
import { unsubscribeRoutes } from './bulletins/routes.ts';
import { deliveryRoutes } from './deliveries/routes.ts';
import { templateRoutes } from './email/routes.ts';
import type { Deps } from './shared/deps.ts';

export async function buildApp(deps: Deps, options: HttpOptions = {}): Promise<App> {
  const app = await createApp({
    docs: { title: 'Lianxin notifier API (连心·通知)', version: '0.1.0' },
    ...options,
  });
  deliveryRoutes(app, deps);
  templateRoutes(app, deps);
  unsubscribeRoutes(app, deps);
  return app;
}
