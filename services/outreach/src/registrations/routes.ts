// HTTP entry points of registrations: parse → one use case → map (masked mobiles unless the caller may see them).
import { ObjectIdString, Paginated } from '@lianxin/contracts';
import { principalOf, requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { liaisonOf } from '@lianxin/platform/auth';
import { cancelRegistration } from './cancel-registration.ts';
import { exportRegistrationsRoute } from './export-registrations.ts';
import { findRegistration } from './find-registration.ts';
import { InvitationsQuery, InvitationView } from './invitation.schemas.ts';
import { toInvitationView } from './invitation.view.ts';
import { listBankRegistrations } from './list-bank-registrations.ts';
import { listInvitations } from './list-invitations.ts';
import { listRegistrations } from './list-registrations.ts';
import { registerAttendees } from './register-attendees.ts';
import {
  BankRegistrationsQuery,
  BankRegistrationView,
  BatchResult,
  RegisterBody,
  RegistrationIdParams,
  RegistrationParams,
  RegistrationView,
  RegistrationViewStatus,
} from './registration.schemas.ts';
import { toBankRegistrationView, toRegistrationView } from './registration.view.ts';

const SessionParams = z.strictObject({ sessionId: ObjectIdString });
const ListQuery = z.object({ status: RegistrationViewStatus.optional() });

export function registrationRoutes(app: App, deps: Deps): void {
  const tags = ['registrations'];
  const secret = deps.settings.checkInSecret;

  app.post(
    '/sessions/:sessionId/registrations',
    {
      onRequest: [app.authenticate, requireRole('liaison')],
      schema: {
        tags,
        params: SessionParams,
        body: RegisterBody,
        response: {
          201: z.union([RegistrationView, BatchResult]),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const liaison = liaisonOf(request, {
        zh: '只有银行联络员可以为本行员工报名',
        en: 'Only a bank liaison registers bank staff',
      });
      const body = request.body;
      const batch = 'attendees' in body;
      const results = await registerAttendees(
        deps,
        liaison,
        request.params.sessionId,
        batch ? body.attendees : [body],
      );
      if (!batch) {
        const only = results[0];
        if (only === undefined) throw new Error('no result for a single registration');
        if (!only.ok) throw only.error;
        return reply.code(201).send(toRegistrationView(only.registration, liaison, secret));
      }
      return reply.code(201).send({
        results: results.map((r, index) =>
          r.ok
            ? {
                index,
                registration: toRegistrationView(r.registration, liaison, secret),
                error: null,
              }
            : {
                index,
                registration: null,
                error: {
                  code: r.error.code,
                  message: r.error.text,
                  ...(r.error.details === undefined ? {} : { details: [...r.error.details] }),
                },
              },
        ),
      });
    },
  );

  app.get(
    '/sessions/:sessionId/registrations',
    {
      onRequest: [app.authenticate, requireRole('coordinator', 'officer', 'liaison')],
      schema: {
        tags,
        params: SessionParams,
        querystring: ListQuery,
        response: {
          200: z.object({ items: z.array(RegistrationView) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const list = await listRegistrations(
        deps,
        principal,
        request.params.sessionId,
        request.query.status,
      );
      return {
        items: list.map((l) => toRegistrationView(l.registration, principal, secret, l.position)),
      };
    },
  );

  exportRegistrationsRoute(app, deps);

  app.delete(
    '/sessions/:sessionId/registrations/:registrationId',
    {
      onRequest: [app.authenticate, requireRole('coordinator', 'liaison')],
      schema: {
        tags,
        params: RegistrationParams,
        response: { 200: RegistrationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const reg = await cancelRegistration(
        deps,
        principal,
        request.params.sessionId,
        request.params.registrationId,
      );
      return toRegistrationView(reg, principal, secret);
    },
  );

  app.get(
    '/invitations',
    {
      onRequest: [app.authenticate, requireRole('liaison')],
      schema: {
        tags,
        summary: '本行受邀活动 Sessions my bank is invited to, not yet started, soonest first',
        querystring: InvitationsQuery,
        response: { 200: Paginated(InvitationView), ...errorResponses() },
      },
    },
    async (request) => {
      const liaison = liaisonOf(request);
      const page = await listInvitations(deps, liaison, request.query);
      const now = deps.now();
      return { ...page, items: page.items.map((s) => toInvitationView(s, liaison.bankId, now)) };
    },
  );

  app.get(
    '/registrations',
    {
      onRequest: [app.authenticate, requireRole('liaison')],
      schema: {
        tags,
        summary: '本行报名 My bank’s registrations across sessions, newest first',
        querystring: BankRegistrationsQuery,
        response: { 200: Paginated(BankRegistrationView), ...errorResponses() },
      },
    },
    async (request) => {
      const liaison = liaisonOf(request);
      const page = await listBankRegistrations(deps, liaison, request.query);
      return {
        ...page,
        items: page.items.map((p) => toBankRegistrationView(p, liaison, secret)),
      };
    },
  );

  app.get(
    '/registrations/:registrationId',
    {
      onRequest: [app.authenticate, requireRole('coordinator', 'officer', 'liaison')],
      schema: {
        tags,
        summary: '报名详情 One registration (a liaison: their own bank’s only)',
        params: RegistrationIdParams,
        response: { 200: BankRegistrationView, ...errorResponses('NOT_FOUND') },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const found = await findRegistration(deps, principal, request.params.registrationId);
      return toBankRegistrationView(found, principal, secret);
    },
  );
}
