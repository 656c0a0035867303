// HTTP route of session materials: the ranked published bulletins for one session.
import { ObjectIdString } from '@lianxin/contracts';
import { BEARER_SECURITY, errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { listMaterials } from './list-materials.ts';
import { MaterialsDto } from './materials.schemas.ts';

const Params = z.strictObject({ sessionId: ObjectIdString });
const Query = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(10) });
export function sessionRoutes(app: App, deps: Deps): void {
  app.get(
    '/sessions/:sessionId/materials',
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ['materials'],
        security: [{ [BEARER_SECURITY]: [] }],
        summary: '活动素材 Bulletins for a session, by overlap then recency',
        params: Params,
        querystring: Query,
        response: { 200: MaterialsDto, ...errorResponses('NOT_FOUND') },
      },
    },
    async (req) => {
      const { session, ranked } = await listMaterials(deps, req.params.sessionId, req.query.limit);
      return {
        sessionId: session.id,
        title: session.title,
        audiences: session.audiences,
        fraudTopics: session.fraudTopics,
        items: ranked.map((r) => ({
          bulletinId: r.bulletin.id,
          version: r.bulletin.version,
          title: r.bulletin.title,
          summary: r.bulletin.summary,
          fraudType: r.bulletin.fraudType,
          audiences: [...r.bulletin.audiences],
          publishedAt: r.bulletin.publishedAt,
          score: r.score,
          matchedAudiences: r.matchedAudiences,
          fraudTypeMatches: r.fraudTypeMatches,
        })),
      };
    },
  );
}
