// Hooks of the console's own routes: the session cookie → request.current, and the CSRF check of state changes.
import { timingSafeEqual } from 'node:crypto';
import { appError, forbidden, unauthorized } from '@lianxin/platform/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountRole } from '../accounts/account.ts';
import { newSecret } from '../accounts/account.rules.ts';
import type { Deps } from '../shared/deps.ts';
import { resolveSession, type CurrentSession } from './resolve-session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireSession`; null elsewhere. */
    current: CurrentSession | null;
  }
}

export const SESSION_COOKIE = 'lx_session';
/** The pre-session CSRF cookie (double submit) that guards sign-in and activation. */
export const CSRF_COOKIE = 'lx_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfFailed = () =>
  appError('CSRF_FAILED', {
    zh: '页面已过期，请刷新后重试（CSRF 校验失败）',
    en: 'The page is stale; reload and retry (CSRF check failed)',
  });

// No Bearer challenge: the console signs in with a cookie.
const signedOut = () => unauthorized(undefined, {});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function headerToken(request: FastifyRequest): string | undefined {
  const value = request.headers[CSRF_HEADER];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Throws CSRF_FAILED unless a state-changing request carries `expected` in the header. */
export function assertCsrf(request: FastifyRequest, expected: string | undefined): void {
  if (SAFE_METHODS.has(request.method)) return;
  const sent = headerToken(request);
  if (expected === undefined || sent === undefined || !sameSecret(sent, expected)) {
    throw csrfFailed();
  }
}

/** The session cookie's options: httpOnly, SameSite=Lax, Secure over https, the session's lifetime. */
export function sessionCookieOptions(deps: Deps, expiresAt?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.settings.secureCookie,
    ...(expiresAt === undefined ? {} : { expires: expiresAt }),
  };
}

/** The pre-session CSRF token: the cookie's, or a fresh one set now (readable only by our pages' requests). */
export function preSessionCsrf(deps: Deps, request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing !== undefined && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newSecret();
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.settings.secureCookie,
  });
  return token;
}

/** Guards sign-in and activation (no session yet): the header must match the pre-session cookie. */
export function requirePreSessionCsrf() {
  return (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void => {
    try {
      assertCsrf(request, request.cookies[CSRF_COOKIE]);
      done();
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

/**
 * Admits a request with a live session of an active account (401 otherwise), of one of `roles`
 * when given (403), and for a state-changing method only with the session's CSRF token (403).
 */
export function requireSession(deps: Deps, roles?: readonly AccountRole[]) {
  return async (request: FastifyRequest): Promise<void> => {
    const secret = request.cookies[SESSION_COOKIE];
    const current = secret === undefined ? null : await resolveSession(deps, secret);
    if (current === null) throw signedOut();
    assertCsrf(request, current.session.csrfToken);
    if (roles !== undefined && !roles.includes(current.account.role)) throw forbidden();
    request.current = current;
  };
}

/** `request.current` where `requireSession` ran; throws if a route forgot the hook. */
export function currentOf(request: FastifyRequest): CurrentSession {
  if (request.current === null) throw signedOut();
  return request.current;
}
