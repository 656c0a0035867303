// The OpenAPI document at /docs/json describes every route of the outreach API, and every error a route answers is documented for it.
import { describeErrorContract, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from './service.ts';

const h = await serviceHarness(import.meta.url, outreachService, { components: false });

describe('API documentation', () => {
  it('when /docs/json is read, then every route is there', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    const routes = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /sessions',
        'GET /sessions',
        'GET /sessions/conflicts',
        'GET /sessions/{sessionId}',
        'PATCH /sessions/{sessionId}',
        'POST /sessions/{sessionId}/cancel',
        'POST /sessions/{sessionId}/complete',
        'GET /sessions/{sessionId}/summary',
        'POST /sessions/{sessionId}/registrations',
        'GET /sessions/{sessionId}/registrations',
        'GET /sessions/{sessionId}/registrations/export',
        'DELETE /sessions/{sessionId}/registrations/{registrationId}',
        'GET /invitations',
        'GET /registrations',
        'GET /registrations/{registrationId}',
        'POST /check-ins',
        'POST /feedback',
        'POST /sessions/{sessionId}/opinions',
        'GET /opinions',
        'PATCH /opinions/{opinionId}',
      ]),
    );
  });
});

describeErrorContract(h);
