// The OpenAPI document of the content API: every route is there, and every error it documents or answers is catalogued.
import { describeErrorContract, operationErrors, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { contentService } from './service.ts';

const h = await serviceHarness(import.meta.url, contentService, { components: false });

describe('API documentation', () => {
  it('when /docs/json is read, then every content route is there', async () => {
    const ops = await operationErrors(h.app);
    expect(ops.map((op) => `${op.method} ${op.path}`).sort()).toEqual(
      [
        'POST /bulletins',
        'GET /bulletins',
        'GET /bulletins/mine',
        'GET /bulletins/{bulletinId}',
        'PATCH /bulletins/{bulletinId}',
        'GET /bulletins/{bulletinId}/versions',
        'POST /bulletins/{bulletinId}/submit',
        'POST /bulletins/{bulletinId}/approve',
        'POST /bulletins/{bulletinId}/reject',
        'POST /bulletins/{bulletinId}/retract',
        'GET /fraud-types',
        'GET /audiences',
        'GET /sessions/{sessionId}/materials',
        'POST /subscriptions',
        'GET /subscriptions',
        'DELETE /subscriptions/{subscriptionId}',
        'GET /healthz',
        'GET /readyz',
      ].sort(),
    );
  });
});

describeErrorContract(h);
