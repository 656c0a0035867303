// createApp: the Fastify 5 instance every service builds on — zod types, OpenAPI, errors, auth, limits, health.
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyServerOptions,
  RawServerDefault,
} from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createIdentifier, registerAuthentication } from '../auth/authenticate.ts';
import type { TokenVerifier } from '../auth/verify-token.ts';
import { createLogger } from '../log/create-logger.ts';
import { registerDocs } from './docs.ts';
import type { DocsOptions } from './docs.ts';
import { installErrorHandling } from './error-handler.ts';
import { registerErrorDeclarations } from './error-responses.ts';
import { registerGracefulClose } from './graceful-close.ts';
import { registerHealthRoutes } from './health.ts';
import type { ReadinessDetails, ReadinessProbe, StartupStatus } from './health.ts';
import { rejectOperatorKeys } from './key-guard.ts';
import { DEFAULT_RATE_LIMIT, registerRateLimit } from './rate-limit.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.ts';
import { validatorCompiler } from './validation.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface CreateAppOptions {
  /** The process logger from `createLogger`; silent when omitted (tests). */
  logger?: FastifyBaseLogger;
  /** OpenAPI `info`. */
  docs?: DocsOptions;
  /** Verifies bearer tokens; without it every `app.authenticate` route answers 401. */
  auth?: TokenVerifier;
  /** `/readyz` probes by name, e.g. `{ database: () => db.ping(), broker: () => admin.describeCluster() }`. */
  readiness?: Readonly<Record<string, ReadinessProbe>>;
  /** Background start-up work still running; `/readyz` lists it and waits for the blocking ones. */
  startup?: StartupStatus;
  /** A probe slower than this counts as down. Default 2000 ms. */
  readinessTimeoutMs?: number;
  /** Extra facts `/readyz` shows under `details` (say, a consumer's lag); never decides readiness. */
  readinessDetails?: ReadinessDetails;
  /** Default 300 requests per minute per user (or IP); `false` turns limiting off (see `rateLimitFrom`). */
  rateLimit?: RateLimitOptions | false;
  /** Largest accepted body in bytes; larger → 413 PAYLOAD_TOO_LARGE. Default 1 MiB. */
  bodyLimit?: number;
  /** Set when behind the console gateway or a load balancer, so `request.ip` is the client's. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /**
   * A code a route did not declare in its responses answers 500 naming it (tests, development),
   * instead of only being logged (production). Default false.
   */
  strictErrorCodes?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Builds the app; it never listens (main.ts does, via `runService`). Add routes after the
 * returned promise resolves: the rate limiter and the docs only see routes added later.
 *
 * Routes: schemas are zod; body schemas must use `z.strictObject` (checked at start-up) so an
 * unknown field answers 400 naming it. Errors: throw `AppError` (or `notFound()`,
 * `conflict(code, text)`…); anything else is a 500 whose details stay in the log.
 */
/** Longest path parameter Fastify passes on to the route's schema (its default is 100). */
export const MAX_PARAM_LENGTH = 2_048;

export async function createApp(options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    genReqId: requestIdFrom,
    requestIdHeader: false,
    // On close: stop accepting, let in-flight requests finish, drop idle keep-alive sockets
    // so `close()` does not wait for clients to hang up (see graceful-close.ts for the rest).
    forceCloseConnections: 'idle',
    // Our own 503 SHUTTING_DOWN body instead (graceful-close.ts).
    return503OnClosing: false,
    // Fastify answers 414 for a path parameter over 100 characters, before any schema runs: a
    // signed token (the notifier's unsubscribe links, up to 600) would be refused. Long enough
    // for every declared parameter, so its own schema names the rule (400) instead.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const rateLimited = options.rateLimit !== false;
  const registry = registerErrorDeclarations(app, { rateLimited });
  installErrorHandling(app, { registry, strictErrorCodes: options.strictErrorCodes ?? false });

  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  app.addHook('preValidation', rejectOperatorKeys);
  registerGracefulClose(app);

  const identify = createIdentifier(options.auth);
  registerAuthentication(app, identify, {
    verifierConfigured: options.auth !== undefined,
    log: logger,
  });

  await app.register(fastifyHelmet, { global: true });
  if (options.rateLimit !== false) {
    await registerRateLimit(app, options.rateLimit ?? DEFAULT_RATE_LIMIT, identify);
  }
  await registerDocs(app, options.docs ?? { title: 'Lianxin API', version: '0.1.0' });
  registerHealthRoutes(
    app,
    options.readiness ?? {},
    options.readinessTimeoutMs ?? 2000,
    options.startup,
    options.readinessDetails,
  );
  return app;
}
