// Benchmarks of the banks API through inject() on the real database: the list a console opens most.
import { allBanks } from '@lianxin/platform/auth';
import { serviceHarness } from '@lianxin/testing';
import { bench, describe } from 'vitest';
import { loadDemo } from '../demo/load-demo.ts';
import { banksService } from '../service.ts';

const h = await serviceHarness(import.meta.url, banksService);
await loadDemo(h.deps, allBanks({ sub: 'bench', role: 'coordinator', name: 'bench' }));
const coordinator = h.as('coordinator');

describe('banks API', () => {
  bench(
    'GET /banks (12 demo banks, one page)',
    async () => {
      const res = await coordinator('GET', '/banks');
      if (res.statusCode !== 200) throw new Error(`GET /banks answered ${res.statusCode}`);
    },
    { time: 2_000 },
  );

  bench(
    'GET /banks?q=香河 (text filter)',
    async () => {
      const res = await coordinator('GET', `/banks?q=${encodeURIComponent('香河')}`);
      if (res.statusCode !== 200) throw new Error(`GET /banks answered ${res.statusCode}`);
    },
    { time: 2_000 },
  );
});
