// The content service's HTTP app: the platform's Fastify with bulletin, taxonomy, materials and subscription routes. Never listens.
import type { TokenVerifier } from '@lianxin/platform/auth';
import { createApp, type App, type ReadinessProbe } from '@lianxin/platform/http';
import type { FastifyBaseLogger } from 'fastify';
import { BODY_LIMIT_BYTES } from './bulletins/bulletin.schemas.ts';
import { bulletinRoutes } from './bulletins/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import type { Deps } from './shared/deps.ts';
import { subscriptionRoutes } from './subscriptions/routes.ts';
import { taxonomyRoutes } from './taxonomy/routes.ts';

export interface AppOptions {
  deps: Deps;
  verifier: TokenVerifier;
  logger?: FastifyBaseLogger;
  readiness?: Record<string, ReadinessProbe>;
  /** Tests that fire hundreds of requests as one user turn the per-user limit off. */
  rateLimit?: false;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = await createApp({
    ...(opts.logger ? { logger: opts.logger } : {}),
    auth: opts.verifier,
    bodyLimit: BODY_LIMIT_BYTES,
    docs: { title: '连心 Lianxin — content 案例简报', version: '0.1.0' },
    ...(opts.readiness ? { readiness: opts.readiness } : {}),
    ...(opts.rateLimit === false ? { rateLimit: false as const } : {}),
  });
  bulletinRoutes(app, opts.deps);
  taxonomyRoutes(app);
  sessionRoutes(app, opts.deps);
  subscriptionRoutes(app, opts.deps);
  return app;
}
