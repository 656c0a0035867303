// Account routes for coordinators: list, create a staff account (an activation email follows), deactivate.
import type { App } from '@lianxin/platform/http';
import { errorResponses } from '@lianxin/platform/http';
import { z } from 'zod';
import { requireSession } from '../auth/require-session.ts';
import type { Deps } from '../shared/deps.ts';
import {
  AccountListQuery,
  AccountParams,
  AccountView,
  CreateAccountBody,
} from './account.schemas.ts';
import { accountView } from './account.view.ts';
import { createAccount } from './create-account.ts';
import { deactivateAccount } from './deactivate-account.ts';

const tags = ['accounts'];
const guarded = errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'CSRF_FAILED');

export function accountRoutes(app: App, deps: Deps): void {
  const coordinator = requireSession(deps, ['coordinator']);

  app.get(
    '/accounts',
    {
      preHandler: coordinator,
      schema: {
        tags,
        summary: 'Every account (newest first), by role and status',
        querystring: AccountListQuery,
        response: { 200: z.object({ items: z.array(AccountView) }), ...guarded },
      },
    },
    async (request) => {
      const items = await deps.accounts.list(request.query);
      return { items: items.map(accountView) };
    },
  );

  app.post(
    '/accounts',
    {
      preHandler: coordinator,
      schema: {
        tags,
        summary: 'Create a staff account; its holder gets an activation link by email',
        body: CreateAccountBody,
        response: { 201: AccountView, ...guarded, ...errorResponses('DUPLICATE') },
      },
    },
    async (request, reply) => {
      const account = await createAccount(deps, request.body);
      return reply.code(201).send(accountView(account));
    },
  );

  app.post(
    '/accounts/:id/deactivate',
    {
      preHandler: coordinator,
      schema: {
        tags,
        summary: 'Deactivate an account: it can no longer sign in and its sessions end',
        params: AccountParams,
        response: { 204: z.null(), ...guarded, ...errorResponses('NOT_FOUND') },
      },
    },
    async (request, reply) => {
      await deactivateAccount(deps, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
