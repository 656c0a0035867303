// The OpenAPI document at /docs/json describes every route of the banks API with its schemas.
import { describeErrorContract, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { banksService } from './service.ts';

const h = await serviceHarness(import.meta.url, banksService);

type Op = {
  requestBody?: unknown;
  parameters?: { name: string }[];
  responses: Record<string, unknown>;
};

describe('API documentation', () => {
  it('when /docs/json is read, then every route is there with its request and response schemas', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, Op>> }>().paths;
    const routes = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'POST /banks',
        'GET /banks',
        'GET /banks/{bankId}',
        'PATCH /banks/{bankId}',
        'POST /banks/{bankId}/suspend',
        'POST /banks/{bankId}/reactivate',
        'GET /banks/{bankId}/branches',
        'POST /banks/{bankId}/branches',
        'PATCH /banks/{bankId}/branches/{branchId}',
        'DELETE /banks/{bankId}/branches/{branchId}',
        'GET /banks/{bankId}/liaisons',
        'POST /banks/{bankId}/liaisons',
        'PATCH /banks/{bankId}/liaisons/{liaisonId}',
        'DELETE /banks/{bankId}/liaisons/{liaisonId}',
        'GET /healthz',
        'GET /readyz',
      ].sort(),
    );
    const post = paths['/banks']?.post;
    expect(post?.requestBody).toBeDefined();
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '409']),
    );
    expect(paths['/banks']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'status', 'type', 'district', 'q']),
    );
    expect(paths['/banks/{bankId}/liaisons']?.post?.requestBody).toBeDefined();
  });
});

describeErrorContract(h);
