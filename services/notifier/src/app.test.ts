// The OpenAPI document at /docs/json describes every notifier route, and every error a route answers is catalogued and documented.
import { describeErrorContract, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { notifierService } from './service.ts';
import { notifierEnv } from './test-support/bus.ts';

const h = await serviceHarness(import.meta.url, notifierService, {
  ...notifierEnv(),
  components: false,
});

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
        'GET /deliveries',
        'GET /deliveries/{deliveryId}/preview',
        'POST /deliveries/{deliveryId}/retry',
        'GET /templates/{name}/preview',
        'GET /healthz',
        'GET /readyz',
      ]),
    );
  });
});

describeErrorContract(h);
