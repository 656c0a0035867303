// The OpenAPI document of the insights API: every route is there, and every error it documents or answers is catalogued.
import { describeErrorContract, operationErrors, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { insightsService } from './service.ts';

const h = await serviceHarness(import.meta.url, insightsService, { components: false });

describe('API documentation', () => {
  it('when /docs/json is read, then every insights route is there', async () => {
    const ops = await operationErrors(h.app);
    expect(ops.map((op) => `${op.method} ${op.path}`).sort()).toEqual(
      [
        'GET /coverage/banks',
        'GET /coverage/banks/{bankId}',
        'GET /coverage/audiences',
        'GET /coverage/monthly',
        'GET /coverage/feedback',
        'GET /coverage/follow-ups',
        'GET /gaps',
        'GET /exports/{view}',
        'GET /healthz',
        'GET /readyz',
      ].sort(),
    );
  });
});

describeErrorContract(h);
