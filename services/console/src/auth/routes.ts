// Sign-in routes: the session as the web app sees it, sign-in, activation, sign-out (here and everywhere).
import type { App } from '@lianxin/platform/http';
import { errorResponses } from '@lianxin/platform/http';
import { z } from 'zod';
import { activateAccount } from '../accounts/activate-account.ts';
import { accountView } from '../accounts/account.view.ts';
import { ActivateBody, AccountView, LoginBody, SessionView } from '../accounts/account.schemas.ts';
import type { Deps } from '../shared/deps.ts';
import {
  currentOf,
  preSessionCsrf,
  requirePreSessionCsrf,
  requireSession,
  SESSION_COOKIE,
  sessionCookieOptions,
} from './require-session.ts';
import { resolveSession } from './resolve-session.ts';
import { signIn } from './sign-in.ts';
import { signOut, signOutEverywhere } from './sign-out.ts';

const tags = ['auth'];

export function authRoutes(app: App, deps: Deps): void {
  app.decorateRequest('current', null);
  const signedIn = requireSession(deps);

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in account (or null) and the CSRF token to send on state changes',
        response: { 200: SessionView },
      },
    },
    async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      const current = secret === undefined ? null : await resolveSession(deps, secret);
      reply.header('cache-control', 'no-store');
      if (current === null) {
        return { account: null, csrfToken: preSessionCsrf(deps, request, reply) };
      }
      return { account: accountView(current.account), csrfToken: current.session.csrfToken };
    },
  );

  app.post(
    '/auth/login',
    {
      preHandler: requirePreSessionCsrf(),
      schema: {
        tags,
        summary: 'Sign in with email and password: sets the httpOnly session cookie',
        body: LoginBody,
        response: {
          200: SessionView,
          ...errorResponses('INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'CSRF_FAILED'),
        },
      },
    },
    async (request, reply) => {
      const result = await signIn(deps, request.body.email, request.body.password);
      reply.setCookie(
        SESSION_COOKIE,
        result.sessionSecret,
        sessionCookieOptions(deps, result.expiresAt),
      );
      reply.header('cache-control', 'no-store');
      return { account: accountView(result.account), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/activate',
    {
      preHandler: requirePreSessionCsrf(),
      schema: {
        tags,
        summary: 'Set the first password with the emailed activation token',
        body: ActivateBody,
        response: {
          200: z.object({ account: AccountView }),
          ...errorResponses('INVALID_ACTIVATION_TOKEN', 'CSRF_FAILED'),
        },
      },
    },
    async (request) => {
      const account = await activateAccount(deps, request.body.token, request.body.password);
      return { account: accountView(account) };
    },
  );

  app.post(
    '/auth/logout',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Sign out of this browser',
        response: { 204: z.null(), ...errorResponses('UNAUTHORIZED', 'CSRF_FAILED') },
      },
    },
    async (request, reply) => {
      await signOut(deps, currentOf(request));
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/logout-all',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Sign out of every browser of this account',
        response: {
          200: z.object({ ended: z.number().int() }),
          ...errorResponses('UNAUTHORIZED', 'CSRF_FAILED'),
        },
      },
    },
    async (request, reply) => {
      const ended = await signOutEverywhere(deps, currentOf(request));
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
      return { ended };
    },
  );
}
