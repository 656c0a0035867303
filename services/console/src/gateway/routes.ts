// The gateway: /api/<service>/… for a signed-in account, proxied with a per-request service token (ADR 025); one public route (ADR 035).
import { errorResponses, type App } from '@lianxin/platform/http';
import { notFound, tooManyRequests } from '@lianxin/platform/errors';
import { ObjectIdString } from '@lianxin/contracts';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { currentOf, requireSession } from '../auth/require-session.ts';
import type { Deps } from '../shared/deps.ts';
import { proxyRequest, RawBody } from './proxy-request.ts';

const PREFIX = /^\/api\/([a-z]+)(\/[^?#]*)?(\?.*)?$/;

function targetOf(deps: Deps, request: FastifyRequest) {
  const match = PREFIX.exec(request.url);
  const service = match?.[1];
  const base = service === undefined ? undefined : deps.settings.upstreams[service];
  if (service === undefined || base === undefined) throw notFound();
  return { service, base, path: `${match?.[2] ?? '/'}${match?.[3] ?? ''}` };
}

export async function gatewayRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((api, _options, done) => {
    // Bodies pass through as bytes (JSON, CSV, XLSX alike): the service validates them.
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, parsed) => {
      parsed(null, new RawBody(body as Buffer));
    });
    // The only path reached without signing in: an attendee's feedback from the room's link (QR),
    // with their check-in code as the credential. No token is minted, so outreach's own rules and
    // per-session limit decide; here the wrong codes of each client address are counted.
    api.route({
      method: 'POST',
      url: '/api/outreach/sessions/:sessionId/feedback',
      schema: {
        hide: true,
        params: z.strictObject({ sessionId: ObjectIdString }),
        response: errorResponses('NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE'),
      },
      handler: (request, reply) => {
        const guard = deps.publicFeedbackGuard;
        const key = `ip:${request.ip}`;
        const retryAfter = guard.attempt(key);
        if (retryAfter !== null) return Promise.reject(tooManyRequests(retryAfter));
        return proxyRequest(deps, null, targetOf(deps, request), request, reply).then(
          (sent) => {
            // Only outreach's "no such code" is a guess; anything else gives its count back.
            if (reply.statusCode !== 404) guard.forgive(key);
            return sent;
          },
          (error: unknown) => {
            guard.forgive(key);
            throw error;
          },
        );
      },
    });
    api.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/api/*',
      preHandler: requireSession(deps),
      // The service's own answers stream through untouched; these are the gateway's.
      schema: {
        hide: true,
        response: errorResponses('UNAUTHORIZED', 'CSRF_FAILED', 'NOT_FOUND', 'UNAVAILABLE'),
      },
      handler: (request, reply) =>
        proxyRequest(deps, currentOf(request).account, targetOf(deps, request), request, reply),
    });
    done();
  });
}
