// Routes name the error codes they can return; the platform adds the common ones, documents them in OpenAPI and holds routes to them.
import { ERROR_STATUS, errorBodyOf } from '@lianxin/contracts';
import type { ErrorCode, ErrorStatus } from '@lianxin/contracts';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import { BEARER_SECURITY } from './docs.ts';

type StatusOf<A> = A extends ErrorCode ? (typeof ERROR_STATUS)[A] : A;
type ErrorSchema = ReturnType<typeof errorBodyOf>;

/** Codes a route may answer per status; 'any' for a status declared by number only (legacy). */
export type DeclaredCodes = ReadonlyMap<number, readonly ErrorCode[] | 'any'>;

// Which codes each documented error schema stands for; read back when merging and checking.
const declared = new WeakMap<z.ZodType, readonly ErrorCode[] | 'any'>();

function schemaFor(status: number, codes: readonly ErrorCode[] | 'any'): ErrorSchema {
  const list = codes === 'any' ? codesOfStatus(status) : codes;
  const [first = 'INTERNAL', ...rest] = list;
  const all: [ErrorCode, ...ErrorCode[]] = [first, ...rest];
  const schema = errorBodyOf(all).describe(`Error codes: ${all.join(', ')}`);
  declared.set(schema, codes);
  return schema;
}

function codesOfStatus(status: number): ErrorCode[] {
  return (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((c) => ERROR_STATUS[c] === status);
}

/**
 * `response: { 200: Bank, ...errorResponses('NOT_FOUND', 'DUPLICATE_BANK_CODE') }`: the error
 * codes a route can return, grouped by their catalogued status, each status documented with its
 * codes. The common ones (400 VALIDATION_FAILED, 401/403 on authenticated routes, 429, 500, 503)
 * are added by the platform; name only the route's own. A bare status (`errorResponses(409)`) is
 * the legacy form: it documents every code of that status and is not checked.
 */
export function errorResponses<const A extends ErrorCode | ErrorStatus>(
  ...items: A[]
): Record<StatusOf<A>, ErrorSchema> {
  const byStatus = new Map<number, ErrorCode[] | 'any'>();
  for (const item of items as (ErrorCode | ErrorStatus)[]) {
    if (typeof item === 'number') {
      byStatus.set(item, 'any');
      continue;
    }
    const status = ERROR_STATUS[item];
    const codes = byStatus.get(status);
    if (codes === 'any') continue;
    byStatus.set(status, [...new Set([...(codes ?? []), item])]);
  }
  const out: Partial<Record<StatusOf<A>, ErrorSchema>> = {};
  for (const [status, codes] of byStatus) {
    // `status` is the status of one of the items, so a key of the result type.
    out[status as StatusOf<A>] = schemaFor(status, codes);
  }
  // Every status of the items got its entry above, as the type says.
  return out as Record<StatusOf<A>, ErrorSchema>;
}

/** Whether a route has `app.authenticate` among its onRequest hooks. */
function isAuthenticated(app: FastifyInstance, route: RouteOptions): boolean {
  const hooks = route.onRequest;
  if (hooks === undefined) return false;
  const list: unknown[] = Array.isArray(hooks) ? hooks : [hooks];
  return list.includes(app.authenticate);
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function commonCodes(
  route: RouteOptions,
  authenticated: boolean,
  rateLimited: boolean,
): ErrorCode[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const hasBody = methods.some((m) => BODY_METHODS.has(m.toUpperCase()));
  const rateLimitConfig: unknown = (route.config as { rateLimit?: unknown } | undefined)?.rateLimit;
  return [
    'VALIDATION_FAILED',
    'BAD_REQUEST',
    ...(hasBody ? (['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) : []),
    ...(authenticated ? (['UNAUTHORIZED', 'FORBIDDEN'] as const) : []),
    ...(rateLimited && rateLimitConfig !== false ? (['RATE_LIMITED'] as const) : []),
    'INTERNAL',
    'SHUTTING_DOWN',
  ];
}

export interface RouteErrorRegistry {
  /** The codes a route may answer, by status; undefined for an unknown route. */
  codesOf(method: string, url: string): DeclaredCodes | undefined;
}

/**
 * Adds, on every route as it is registered, the common error responses and the bearer
 * `security` of authenticated routes, and remembers what each route declared so the error
 * handler can catch a code the route did not name.
 */
export function registerErrorDeclarations(
  app: FastifyInstance,
  options: { rateLimited: boolean },
): RouteErrorRegistry {
  const routes = new Map<string, DeclaredCodes>();
  app.addHook('onRoute', (route) => {
    const authenticated = isAuthenticated(app, route);
    const schema = (route.schema ??= {});
    const response = { ...((schema.response ?? {}) as Record<string | number, z.ZodType>) };
    const codes = new Map<number, ErrorCode[] | 'any'>();
    for (const [key, value] of Object.entries(response)) {
      const known = declared.get(value);
      if (known !== undefined) codes.set(Number(key), known === 'any' ? 'any' : [...known]);
    }
    for (const code of commonCodes(route, authenticated, options.rateLimited)) {
      const status = ERROR_STATUS[code];
      const have = codes.get(status);
      if (have === 'any') continue;
      codes.set(status, [...new Set([...(have ?? []), code])]);
    }
    for (const [status, list] of codes) {
      const current = response[status];
      const documented = schemaFor(status, list);
      // A route's own non-error schema at an error status (e.g. /readyz's 503) stays, beside ours.
      response[status] =
        current === undefined || declared.has(current)
          ? documented
          : z.union([current, documented]);
    }
    schema.response = response;
    if (authenticated && schema.security === undefined) {
      schema.security = [{ [BEARER_SECURITY]: [] }];
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.set(`${method.toUpperCase()} ${route.url}`, codes);
  });
  return {
    codesOf: (method, url) => routes.get(`${method.toUpperCase()} ${url}`),
  };
}

/** True when `code` at `status` is among what the route declared (or the route is unknown). */
export function isDeclared(
  codes: DeclaredCodes | undefined,
  status: number,
  code: ErrorCode,
): boolean {
  if (codes === undefined) return true;
  const list = codes.get(status);
  return list === 'any' || (list?.includes(code) ?? false);
}
