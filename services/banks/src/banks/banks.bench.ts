// Benchmarks of the banks API through inject() on the real database: the list a console opens most.
import { allBanks } from '@lianxin/platform/auth';
import { afterAll, bench, describe } from 'vitest';
import { loadDemo } from '../demo/load-demo.ts';
import { harness } from '../test-harness.ts';

const h = await harness(import.meta.url);
await loadDemo(h.deps, allBanks({ sub: 'bench', role: 'coordinator', name: 'bench' }));
const coordinator = h.as(await h.token({ sub: 'c1', role: 'coordinator', name: 'bench' }));
afterAll(async () => {
  await h.close();
});

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
