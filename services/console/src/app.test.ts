// The console's OpenAPI document: every own route with its schemas, and each error it answers documented.
import {
  errorDocProblems,
  operationErrors,
  probeOperations,
  serviceHarness,
  testAuth,
} from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { consoleService } from './service.ts';

const auth = await testAuth();
const h = await serviceHarness(import.meta.url, consoleService, {
  env: { JWT_PRIVATE_KEY: auth.privateKey },
  components: false,
});

describe('API documentation', () => {
  it('when /docs/json is read, then the sign-in and account routes are there (the gateway is not)', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/docs/json' });
    const paths = res.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    const routes = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /auth/session',
        'POST /auth/login',
        'POST /auth/activate',
        'POST /auth/logout',
        'POST /auth/logout-all',
        'GET /accounts',
        'POST /accounts',
        'POST /accounts/{id}/deactivate',
        'GET /healthz',
        'GET /readyz',
      ].sort(),
    );
  });

  it('when every operation is read, then each documented code is catalogued at its status', async () => {
    const ops = await operationErrors(h.app);
    expect(ops.flatMap(errorDocProblems)).toEqual([]);
  });

  it('when every operation is called without a session and with an empty body, then each error is documented and none is a 5xx', async () => {
    expect(await probeOperations(h)).toEqual([]);
  });
});
