// The banks service's HTTP app: the platform's Fastify with the bank, branch and liaison routes. Never listens.
import type { TokenVerifier } from '@lianxin/platform/auth';
import { createApp, type App, type ReadinessProbe } from '@lianxin/platform/http';
import type { FastifyBaseLogger } from 'fastify';
import { bankRoutes } from './banks/routes.ts';
import { branchRoutes } from './branches/routes.ts';
import type { BanksDeps } from './deps.ts';
import { liaisonRoutes } from './liaisons/routes.ts';

export interface AppOptions {
  deps: BanksDeps;
  verifier: TokenVerifier;
  logger?: FastifyBaseLogger;
  readiness?: Record<string, ReadinessProbe>;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = await createApp({
    ...(opts.logger ? { logger: opts.logger } : {}),
    auth: opts.verifier,
    docs: { title: '连心 Lianxin — banks 合作银行', version: '0.1.0' },
    ...(opts.readiness ? { readiness: opts.readiness } : {}),
  });
  bankRoutes(app, opts.deps);
  branchRoutes(app, opts.deps);
  liaisonRoutes(app, opts.deps);
  return app;
}
