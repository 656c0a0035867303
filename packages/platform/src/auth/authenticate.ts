// Fastify wiring for bearer tokens: request.principal, app.authenticate and requireRole.
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, TEXT, unauthorized, type LocalizedText } from '../errors/app-error.ts';
import type { LiaisonPrincipal, Principal, StaffPrincipal } from './principal.ts';
import type { Role } from './roles.ts';
import { InvalidTokenError } from './verify-token.ts';
import type { TokenVerifier } from './verify-token.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Hook that admits only requests with a valid bearer token and sets `request.principal`.
     * Put it in `onRequest` so a bad token is refused before the body is read or validated:
     * `{ onRequest: [app.authenticate, requireRole('coordinator')] }`.
     */
    authenticate: AuthHook;
  }
  interface FastifyRequest {
    /** Set by `app.authenticate`; `null` on routes that do not authenticate. */
    principal: Principal | null;
  }
}

export type AuthHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export type Identity =
  | { kind: 'principal'; principal: Principal }
  | { kind: 'anonymous' }
  | { kind: 'invalid'; reason: string };

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;

const challenge = 'Bearer realm="lianxin"';
const invalidChallenge = 'Bearer realm="lianxin", error="invalid_token"';

/**
 * Reads and verifies the bearer token at most once per request. The rate limiter (which
 * keys by user) and `app.authenticate` both ask; the second gets the cached answer.
 */
export function createIdentifier(
  verifier: TokenVerifier | undefined,
): (request: FastifyRequest) => Promise<Identity> {
  const cache = new WeakMap<FastifyRequest, Promise<Identity>>();

  async function identify(request: FastifyRequest): Promise<Identity> {
    const header = request.headers.authorization;
    if (header === undefined || header.trim() === '') return { kind: 'anonymous' };
    const match = BEARER.exec(header.trim());
    const token = match?.[1];
    if (token === undefined) return { kind: 'invalid', reason: 'malformed_header' };
    if (verifier === undefined) return { kind: 'invalid', reason: 'no_verifier_configured' };
    try {
      return { kind: 'principal', principal: await verifier.verify(token) };
    } catch (error) {
      // Anything a verifier throws is the token's fault as far as the client is concerned:
      // a 401, never a 500.
      return {
        kind: 'invalid',
        reason: error instanceof InvalidTokenError ? error.reason : 'verifier_error',
      };
    }
  }

  return (request) => {
    let identity = cache.get(request);
    if (identity === undefined) {
      identity = identify(request);
      cache.set(request, identity);
    }
    return identity;
  };
}

/** Decorates `app.authenticate` and `request.principal` on the root instance. */
export function registerAuthentication(
  app: FastifyInstance,
  identify: (request: FastifyRequest) => Promise<Identity>,
  options: { verifierConfigured: boolean; log: FastifyBaseLogger },
): void {
  if (!options.verifierConfigured) {
    options.log.warn('no token verifier configured: every authenticated route answers 401');
  }
  app.decorateRequest('principal', null);
  const authenticate: AuthHook = async (request) => {
    const identity = await identify(request);
    switch (identity.kind) {
      case 'principal':
        request.principal = identity.principal;
        return;
      case 'anonymous':
        throw unauthorized(TEXT.unauthorized, { 'www-authenticate': challenge });
      case 'invalid':
        request.log.info({ reason: identity.reason }, 'bearer token refused');
        throw unauthorized(TEXT.invalidToken, { 'www-authenticate': invalidChallenge });
    }
  };
  app.decorate('authenticate', authenticate);
}

/** Hook admitting only the given roles; use after `app.authenticate`. */
export function requireRole(...roles: readonly [Role, ...Role[]]): AuthHook {
  const allowed = new Set<Role>(roles);
  return (request) => {
    const principal = request.principal;
    if (principal === null) {
      return Promise.reject(unauthorized(TEXT.unauthorized, { 'www-authenticate': challenge }));
    }
    if (!allowed.has(principal.role)) return Promise.reject(forbidden());
    return Promise.resolve();
  };
}

/** The verified principal of a request that went through `app.authenticate`. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) {
    throw unauthorized(TEXT.unauthorized, { 'www-authenticate': challenge });
  }
  return request.principal;
}

/** The caller as staff (a route for police roles); a liaison gets 403. */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  const principal = principalOf(request);
  if (principal.role === 'liaison') throw forbidden();
  return principal;
}

/** The caller as a bank liaison (a route for liaisons only); staff get 403 with `message`. */
export function liaisonOf(
  request: FastifyRequest,
  message: LocalizedText = TEXT.forbidden,
): LiaisonPrincipal {
  const principal = principalOf(request);
  if (principal.role !== 'liaison') throw forbidden(message);
  return principal;
}
