// The console's HTTP app: sign-in and accounts, the /api gateway and the built web app. Never listens.
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { createApp, type App } from '@lianxin/platform/http';
import type { HttpOptions } from '@lianxin/platform/service';
import { accountRoutes } from './accounts/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { gatewayRoutes } from './gateway/routes.ts';
import type { Deps } from './shared/deps.ts';
import { webRoutes } from './web/routes.ts';

export async function buildApp(deps: Deps, http: HttpOptions): Promise<App> {
  const app = await createApp({
    ...http,
    docs: { title: '连心 Lianxin — console 控制台', version: '0.1.0' },
  });
  // gzip/brotli for the HTML, JSON and proxied answers; the built assets are served pre-compressed (ADR 029).
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(fastifyCookie);
  authRoutes(app, deps);
  accountRoutes(app, deps);
  await gatewayRoutes(app, deps);
  await webRoutes(app, deps);
  return app;
}
