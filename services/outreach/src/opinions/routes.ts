// HTTP entry points of opinions (社情民意): staff record them at sessions and follow them up.
import { Paginated } from '@lianxin/contracts';
import { requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import type { Deps } from '../shared/deps.ts';
import { staffOf } from '@lianxin/platform/auth';
import { SessionParams } from '../sessions/session.schemas.ts';
import { listOpinions } from './list-opinions.ts';
import {
  ListOpinionsQuery,
  OpinionParams,
  OpinionView,
  PatchOpinionBody,
  RaiseOpinionBody,
  ResolveOpinionBody,
} from './opinion.schemas.ts';
import { toOpinionView } from './opinion.view.ts';
import { raiseOpinion } from './raise-opinion.ts';
import { resolveOpinion } from './resolve-opinion.ts';
import { updateOpinion } from './update-opinion.ts';

export function opinionRoutes(app: App, deps: Deps): void {
  const staff = { onRequest: [app.authenticate, requireRole('coordinator', 'officer')] };
  const tags = ['opinions'];

  app.post(
    '/sessions/:sessionId/opinions',
    {
      ...staff,
      schema: {
        tags,
        params: SessionParams,
        body: RaiseOpinionBody,
        response: { 201: OpinionView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const doc = await raiseOpinion(
        deps,
        staffOf(request),
        request.params.sessionId,
        request.body,
      );
      return reply.code(201).send(toOpinionView(doc, deps.now()));
    },
  );

  app.get(
    '/opinions',
    {
      ...staff,
      schema: {
        tags,
        querystring: ListOpinionsQuery,
        response: { 200: Paginated(OpinionView), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listOpinions(deps, request.query);
      const now = deps.now();
      return { ...page, items: page.items.map((o) => toOpinionView(o, now)) };
    },
  );

  app.patch(
    '/opinions/:opinionId',
    {
      ...staff,
      schema: {
        tags,
        params: OpinionParams,
        body: PatchOpinionBody,
        response: { 200: OpinionView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toOpinionView(await updateOpinion(deps, request.params.opinionId, request.body), deps.now()),
  );

  app.post(
    '/opinions/:opinionId/resolve',
    {
      ...staff,
      schema: {
        tags,
        description:
          'Resolves the opinion with its answer (`resolutionNote`): open or in_progress → resolved, once; `opinion.resolved` is published.',
        params: OpinionParams,
        body: ResolveOpinionBody,
        response: {
          200: OpinionView,
          ...errorResponses('NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'),
        },
      },
    },
    async (request) =>
      toOpinionView(
        await resolveOpinion(deps, request.params.opinionId, request.body.resolutionNote),
        deps.now(),
      ),
  );
}
