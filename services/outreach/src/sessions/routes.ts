// HTTP entry points of sessions: parse → one use case → map.
import { Paginated } from '@lianxin/contracts';
import { principalOf, requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import type { Deps } from '../shared/deps.ts';
import { staffOf } from '@lianxin/platform/auth';
import { cancelSession } from './cancel-session.ts';
import { completeSession } from './complete-session.ts';
import { listSessions } from './list-sessions.ts';
import { scheduleSession } from './schedule-session.ts';
import { findSlotConflicts } from './find-slot-conflicts.ts';
import { findVisibleSession } from './session-access.ts';
import {
  CancelSessionBody,
  ListSessionsQuery,
  PatchSessionBody,
  ScheduleSessionBody,
  SessionParams,
  SessionSummaryView,
  SessionView,
  SlotConflictsQuery,
  SlotConflictsView,
} from './session.schemas.ts';
import { toView } from './session.view.ts';
import { updateSession } from './update-session.ts';
import { sessionSummary } from './session-summary.ts';

export function sessionRoutes(app: App, deps: Deps): void {
  const schedulers = { onRequest: [app.authenticate, requireRole('coordinator', 'officer')] };
  const anyone = { onRequest: [app.authenticate] };
  const tags = ['sessions'];

  app.post(
    '/sessions',
    {
      ...schedulers,
      schema: {
        tags,
        body: ScheduleSessionBody,
        response: { 201: SessionView, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const doc = await scheduleSession(deps, staffOf(request), request.body);
      return reply.code(201).send(toView(doc));
    },
  );

  app.get(
    '/sessions',
    {
      ...anyone,
      schema: {
        tags,
        querystring: ListSessionsQuery,
        response: { 200: Paginated(SessionView), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const page = await listSessions(deps, principalOf(request), request.query);
      return { ...page, items: page.items.map(toView) };
    },
  );

  app.get(
    '/sessions/conflicts',
    {
      ...schedulers,
      schema: {
        tags,
        summary: '场地与民警冲突 Which sessions a venue/officer plan overlaps now',
        description:
          'A read of the venue and officer slot books for a plan being typed: each entry is a clash that `POST /sessions` (or a PATCH, with `excludeSessionId`) would answer 409 `VENUE_CONFLICT` or `HOST_CONFLICT` for now. Leave out the venue or the officers to check only the other. Reserves nothing: the write stays the arbiter of a race.',
        querystring: SlotConflictsQuery,
        response: { 200: SlotConflictsView, ...errorResponses() },
      },
    },
    async (request) => findSlotConflicts(deps, request.query),
  );

  app.get(
    '/sessions/:sessionId',
    {
      ...anyone,
      schema: {
        tags,
        params: SessionParams,
        response: { 200: SessionView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      toView(await findVisibleSession(deps, principalOf(request), request.params.sessionId)),
  );

  app.patch(
    '/sessions/:sessionId',
    {
      ...schedulers,
      schema: {
        tags,
        params: SessionParams,
        body: PatchSessionBody,
        response: { 200: SessionView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => toView(await updateSession(deps, request.params.sessionId, request.body)),
  );

  app.post(
    '/sessions/:sessionId/cancel',
    {
      ...schedulers,
      schema: {
        tags,
        params: SessionParams,
        body: CancelSessionBody,
        description:
          'Answers at once: the session is cancelled; its registrations are cancelled in the background (`cancellingRegistrations` until done).',
        response: { 202: SessionView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          toView(
            await cancelSession(
              deps,
              staffOf(request),
              request.params.sessionId,
              request.body.reason,
            ),
          ),
        ),
  );

  app.post(
    '/sessions/:sessionId/complete',
    {
      ...schedulers,
      schema: {
        tags,
        params: SessionParams,
        response: { 200: SessionView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => toView(await completeSession(deps, request.params.sessionId)),
  );

  app.get(
    '/sessions/:sessionId/summary',
    {
      ...schedulers,
      schema: {
        tags,
        params: SessionParams,
        response: { 200: SessionSummaryView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => sessionSummary(deps, request.params.sessionId),
  );
}
