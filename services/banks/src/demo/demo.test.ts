// The demo loads the 12 Xianghe County partner banks, each with a branch and a primary liaison; twice changes nothing.
import { allBanks } from '@lianxin/platform/auth';
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { banksService } from '../service.ts';
import { DEMO_BANKS } from './demo-banks.ts';
import { loadDemo } from './load-demo.ts';

const h = await serviceHarness(import.meta.url, banksService);

describe('demo data', () => {
  it('when the demo is loaded twice, then there are 12 banks with a branch and a primary liaison, and the second load changes nothing', async () => {
    const scope = allBanks({ sub: 'demo', role: 'coordinator', name: 'demo' });
    expect(await loadDemo(h.deps, scope)).toEqual({ created: 12, completed: 0, unchanged: 0 });
    const banks = (await h.deps.banks.list(scope, {}, 1, 100)).items;
    const versions = banks.map((b) => b.version);
    expect(await loadDemo(h.deps, scope)).toEqual({ created: 0, completed: 0, unchanged: 12 });
    const again = (await h.deps.banks.list(scope, {}, 1, 100)).items;
    expect(again.map((b) => b.version)).toEqual(versions);
    expect(again.map((b) => b.code).sort()).toEqual(DEMO_BANKS.map((b) => b.code).sort());
    for (const bank of again) {
      expect(bank.status).toBe('active');
      expect(bank.branches).toHaveLength(1);
      expect(bank.liaisons.filter((l) => l.active).map((l) => l.role)).toEqual(['primary']);
    }
    const types = new Set(again.map((b) => b.type));
    expect(types).toEqual(
      new Set([
        'state_owned',
        'joint_stock',
        'postal_savings',
        'city_commercial',
        'rural_commercial',
      ]),
    );
  });
});
