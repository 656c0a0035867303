// Public API of @lianxin/platform/http: the app factory, its OpenAPI and error declarations, health and limits.
export { createApp, DEFAULT_BODY_LIMIT } from './create-app.ts';
export type { App, CreateAppOptions } from './create-app.ts';
// The errors are @lianxin/platform/errors; the OpenAPI declaration of a route's codes is here.
export { errorResponses } from './error-responses.ts';
export { isDeclared } from './error-responses.ts';
export type { DeclaredCodes } from './error-responses.ts';
export { languageOf, preferredLanguage } from './language.ts';
export type { Language, LocalizedText } from './language.ts';
export { RequestValidationError, validatorCompiler } from './validation.ts';
export { findNonStrictObjects } from './strict-body.ts';
export { findForbiddenKeys } from './key-guard.ts';
export { toErrorReply } from './error-handler.ts';
export { BEARER_SECURITY, DOCS_PREFIX } from './docs.ts';
export type { DocsOptions } from './docs.ts';
export type { ReadinessDetails, ReadinessProbe, StartupStatus } from './health.ts';
export { DEFAULT_RATE_LIMIT, rateLimitFrom } from './rate-limit.ts';
export type { RateLimitOptions } from './rate-limit.ts';
export { FailureLimiter } from './failure-limiter.ts';
export type { FailureLimiterOptions } from './failure-limiter.ts';
export { REQUEST_ID_HEADER } from './request-id.ts';
export { runService } from './run-service.ts';
export type { CloseHook, Listenable, RunningService, RunServiceOptions } from './run-service.ts';
export type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
