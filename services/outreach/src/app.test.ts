// The OpenAPI document at /docs/json describes every route of the outreach API, and every error a route answers is documented for it.
import {
  errorDocProblems,
  operationErrors,
  probeOperations,
  serviceHarness,
} from '@lianxin/testing';
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
        'GET /sessions/{sessionId}',
        'PATCH /sessions/{sessionId}',
        'POST /sessions/{sessionId}/cancel',
        'POST /sessions/{sessionId}/complete',
        'GET /sessions/{sessionId}/summary',
        'POST /sessions/{sessionId}/registrations',
        'GET /sessions/{sessionId}/registrations',
        'DELETE /sessions/{sessionId}/registrations/{registrationId}',
        'POST /check-ins',
        'POST /feedback',
        'POST /sessions/{sessionId}/opinions',
        'GET /opinions',
        'PATCH /opinions/{opinionId}',
      ]),
    );
  });
});

describe('error codes in the API documentation', () => {
  it('when every operation is read, then each documented code is catalogued at its status, with the common ones', async () => {
    const ops = await operationErrors(h.app);
    expect(ops.length).toBeGreaterThan(10);
    expect(ops.flatMap(errorDocProblems)).toEqual([]);
  });

  it('when every operation is called with no token, each role, unknown ids and an empty body, then each error answered is documented for it and none is a 5xx', async () => {
    expect(await probeOperations(h)).toEqual([]);
  });
});
